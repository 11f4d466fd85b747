import { DateField, LONG_TEXT, TextField } from '../shared/dto-fields';

export class CeasePlanDto {
  @DateField({ example: '2026-08-01' })
  ceasedOn!: string;

  @TextField(LONG_TEXT, { example: 'Left education for employment' })
  reason!: string;
}
