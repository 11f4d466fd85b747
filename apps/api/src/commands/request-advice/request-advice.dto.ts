import { ADVICE_SOURCES, type AdviceSource } from '@ehcp/domain';
import { DateField, EnumField, SubResourceIdField } from '../shared/dto-fields';

export class RequestAdviceDto {
  @SubResourceIdField('The advice request id.')
  adviceId?: string;

  @EnumField(ADVICE_SOURCES, 'AdviceSource', { example: 'educational_psychology' })
  source!: AdviceSource;

  @DateField({ example: '2025-02-11' })
  requestedOn!: string;
}
