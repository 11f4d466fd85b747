import { DateField } from '../shared/dto-fields';

export class ReceiveAdviceDto {
  @DateField({ example: '2025-03-10' })
  receivedOn!: string;
}
