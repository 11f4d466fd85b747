import { DateField, SHORT_TEXT, TextField } from '../shared/dto-fields';

export class ReceiveRepresentationsDto {
  @DateField({ example: '2025-04-20' })
  receivedOn!: string;

  @TextField(SHORT_TEXT, {
    optional: true,
    example: 'Riverside Primary School',
    description: 'A school they asked for.',
  })
  requestedInstitution?: string | null;
}
