import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsString, Matches, type ValidationError } from 'class-validator';
import { TEAM_CODE_PATTERN } from '@ehcp/config';
import { markedPropertyErrors, markProperty } from './marked-properties';

const CONFIGURED_TEAM = Symbol('ehcp:configured-team');

/**
 * A team code (API.md): letters, digits, "-" or "_", at most 50. When `TEAMS` is set it must also be
 * one of its codes, which ApiValidationPipe checks (see `unknownTeamErrors`), so that an unknown team
 * is a 400 naming the field before any team access check can answer 403.
 */
export function IsTeamCode(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Matches(TEAM_CODE_PATTERN, {
      message: '$property must be a team code: letters, digits, "-" or "_", at most 50',
    }),
    markProperty(CONFIGURED_TEAM),
  );
}

/**
 * A list of team codes, given as `a,b` in a query string: each as IsTeamCode, and when `TEAMS` is
 * set each one of its codes (ApiValidationPipe).
 */
export function IsTeamCodes(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMaxSize(100),
    IsString({ each: true }),
    Matches(TEAM_CODE_PATTERN, {
      each: true,
      message:
        '$property must be team codes separated by commas: letters, digits, "-" or "_", at most 50 each',
    }),
    markProperty(CONFIGURED_TEAM),
  );
}

/**
 * Errors for every marked team code that is not one of `teams` (TEAMS), nested DTOs included. An
 * ill-formed code already has IsTeamCode's message; with TEAMS unset any well-formed code passes.
 */
export function unknownTeamErrors(value: unknown, teams: ReadonlySet<string> | undefined): ValidationError[] {
  if (teams === undefined) return [];
  return markedPropertyErrors(value, CONFIGURED_TEAM, (child, property) =>
    (Array.isArray(child) ? child : [child]).some(
      (code) => typeof code === 'string' && TEAM_CODE_PATTERN.test(code) && !teams.has(code),
    )
      ? ['isConfiguredTeam', `${property} must be one of the configured teams (TEAMS)`]
      : undefined,
  );
}
