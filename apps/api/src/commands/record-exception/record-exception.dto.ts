import { EXCEPTION_REASONS, type ExceptionReason } from '@ehcp/domain';
import { DateField, EnumField, LONG_TEXT, SubResourceIdField, TextField } from '../shared/dto-fields';

export class RecordExceptionDto {
  @SubResourceIdField('The exception id.')
  exceptionId?: string;

  @EnumField(EXCEPTION_REASONS, 'ExceptionReason', { example: 'exceptional_personal_circumstances' })
  reason!: ExceptionReason;

  @DateField({ example: '2025-03-01' })
  startedOn!: string;

  @DateField({ optional: true, example: '2025-03-20', description: 'Omit while it lasts.' })
  endedOn?: string | null;

  @TextField(LONG_TEXT, { optional: true, example: 'Family bereavement' })
  note?: string | null;
}
