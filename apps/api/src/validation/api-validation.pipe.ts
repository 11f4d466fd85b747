import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import type { ValidationError, ValidatorOptions } from 'class-validator';
import type { Clock, TeamSetting } from '@ehcp/config';
import { ValidationProblem } from '../problem-details/api-problem';
import { futureDateErrors } from './local-date.decorator';
import { unknownTeamErrors } from './team-code.decorator';
import { unsafeInputErrors } from './unsafe-input';
import { memoizeValidationMetadata } from './validation-metadata.memo';
import { fieldErrorsOf } from './validation-errors';

/**
 * The global pipe: DTOs validated by class-validator, unknown fields refused, no implicit type
 * coercion (a number where a string belongs is an error), and dates after today (the injected
 * clock) and team codes outside `TEAMS` (when set) refused. Every failure is one 400
 * VALIDATION_FAILED naming each bad field.
 *
 * Before any DTO rule, the whole input (body, query or path parameter, unknown fields included) is
 * checked for what must never reach a store: control characters, unpaired surrogates, prototype
 * keys, deep nesting (see unsafeInputErrors). One place, so no field can forget it.
 */
export class ApiValidationPipe extends ValidationPipe {
  private readonly teams: ReadonlySet<string> | undefined;

  constructor(
    private readonly clock: Clock,
    teams?: readonly TeamSetting[],
  ) {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors: ValidationError[]) => new ValidationProblem(fieldErrorsOf(errors)),
    });
    this.teams = teams && new Set(teams.map((team) => team.code));
    memoizeValidationMetadata();
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // `custom` parameters (the caller, the command context) come from the server, not the client.
    if (metadata.type !== 'custom') {
      const errors = unsafeInputErrors(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
      if (errors.length > 0) throw new ValidationProblem(errors);
    }
    return super.transform(value, metadata);
  }

  protected override async validate(
    object: object,
    validatorOptions?: ValidatorOptions,
  ): Promise<ValidationError[]> {
    const errors = await super.validate(object, validatorOptions);
    return [
      ...errors,
      ...futureDateErrors(object, this.clock.today()),
      ...unknownTeamErrors(object, this.teams),
    ];
  }
}
