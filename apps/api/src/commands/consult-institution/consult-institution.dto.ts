import { DateField, SHORT_TEXT, SubResourceIdField, TextField } from '../shared/dto-fields';

export class ConsultInstitutionDto {
  @SubResourceIdField('The consultation id.')
  consultationId?: string;

  @TextField(SHORT_TEXT, { example: 'Riverside Primary School' })
  institution!: string;

  @DateField({ example: '2025-04-21' })
  consultedOn!: string;
}
