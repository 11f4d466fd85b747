import { ValidationPipe } from '@nestjs/common';
import type { ValidationError, ValidatorOptions } from 'class-validator';
import type { Clock } from '../clock/clock';
import { ValidationProblem } from '../problem-details/api-problem';
import { futureDateErrors } from './local-date.decorator';
import { fieldErrorsOf } from './validation-errors';

/**
 * The global pipe: DTOs validated by class-validator, unknown fields refused, no implicit type
 * coercion (a number where a string belongs is an error), and dates after today (the injected
 * clock) refused. Every failure is one 400 VALIDATION_FAILED naming each bad field.
 */
export class ApiValidationPipe extends ValidationPipe {
  constructor(private readonly clock: Clock) {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors: ValidationError[]) => new ValidationProblem(fieldErrorsOf(errors)),
    });
  }

  protected override async validate(
    object: object,
    validatorOptions?: ValidatorOptions,
  ): Promise<ValidationError[]> {
    const errors = await super.validate(object, validatorOptions);
    return [...errors, ...futureDateErrors(object, this.clock.today())];
  }
}
