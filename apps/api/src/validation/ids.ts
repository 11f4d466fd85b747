import { applyDecorators, Param, type PipeTransform } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsUUID, Matches, MaxLength } from 'class-validator';
import { ValidationProblem } from '../problem-details/api-problem';

/** Case ids are UUIDs (API.md), accepted in any case and always used in lower case. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one spelling of a case id. A UUID is case-insensitive (RFC 9562) but a stream name is not:
 * without this, the same UUID in capitals opened a second case.
 */
export function normaliseCaseId(caseId: string): string {
  return caseId.toLowerCase();
}

/**
 * Sub-resource ids (advice, exception, consultation, review, notice, transfer, audit) chosen by a
 * client: a UUID or a short slug. No colons or slashes: they end up in deadline ids, job ids and paths.
 */
export const SUB_RESOURCE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const SUB_RESOURCE_ID_MESSAGE = 'must be 1-64 letters, digits, "-" or "_" (a UUID will do)';

/** Body field: an optional client-chosen sub-resource id. */
export function IsSubResourceId(): PropertyDecorator {
  return applyDecorators(
    MaxLength(64),
    Matches(SUB_RESOURCE_ID_PATTERN, { message: `$property ${SUB_RESOURCE_ID_MESSAGE}` }),
  );
}

/** Body field: a case id, lower-cased (see normaliseCaseId). */
export function IsCaseId(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? normaliseCaseId(value) : value,
    ),
    IsUUID('all', { message: '$property must be a UUID' }),
  );
}

class PatternPipe implements PipeTransform<unknown, string> {
  constructor(
    private readonly name: string,
    private readonly pattern: RegExp,
    private readonly message: string,
    private readonly normalise: (value: string) => string = (value) => value,
  ) {}

  transform(value: unknown): string {
    if (typeof value !== 'string' || !this.pattern.test(value))
      throw ValidationProblem.of(this.name, `${this.name} ${this.message}`);
    return this.normalise(value);
  }
}

/** The `caseId` path parameter, a UUID (else 400 VALIDATION_FAILED), lower-cased. */
export function CaseIdParam(): ParameterDecorator {
  return Param('caseId', new PatternPipe('caseId', UUID_PATTERN, 'must be a UUID', normaliseCaseId));
}

/** A sub-resource id path parameter (e.g. `adviceId`). */
export function SubResourceIdParam(name: string): ParameterDecorator {
  return Param(name, new PatternPipe(name, SUB_RESOURCE_ID_PATTERN, SUB_RESOURCE_ID_MESSAGE));
}
