import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, type ValidationError } from 'class-validator';
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
 * Errors for every marked team code that is not one of `teams` (TEAMS), nested DTOs included. An
 * ill-formed code already has IsTeamCode's message; with TEAMS unset any well-formed code passes.
 */
export function unknownTeamErrors(value: unknown, teams: ReadonlySet<string> | undefined): ValidationError[] {
  if (teams === undefined) return [];
  return markedPropertyErrors(value, CONFIGURED_TEAM, (child, property) =>
    typeof child === 'string' && TEAM_CODE_PATTERN.test(child) && !teams.has(child)
      ? ['isConfiguredTeam', `${property} must be one of the configured teams (TEAMS)`]
      : undefined,
  );
}
