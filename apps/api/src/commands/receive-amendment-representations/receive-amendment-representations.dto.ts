import { DateField } from '../shared/dto-fields';

export class ReceiveAmendmentRepresentationsDto {
  @DateField({ example: '2026-05-28' })
  receivedOn!: string;
}
