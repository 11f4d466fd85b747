import { DateField } from '../shared/dto-fields';

export class EndExceptionDto {
  @DateField({ example: '2025-03-20' })
  endedOn!: string;
}
