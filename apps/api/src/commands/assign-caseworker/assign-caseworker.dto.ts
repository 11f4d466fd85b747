import { DateField, SHORT_TEXT, TextField } from '../shared/dto-fields';

export class AssignCaseworkerDto {
  @TextField(SHORT_TEXT, { example: 'caseworker-7', description: "The caseworker's user id." })
  caseworkerId!: string;

  @DateField({ example: '2025-01-07' })
  assignedOn!: string;
}
