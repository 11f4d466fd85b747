import type { TeamSetting } from '@ehcp/config';
import { AccessDeniedError } from './auth.errors';
import type { AuthenticatedUser } from './authenticated-user';
import { isAdmin } from './role-access';

/** Users see and act only on cases of their teams; admin sees all (DESIGN.md, Security). */
export function canAccessTeam(user: AuthenticatedUser, team: string): boolean {
  return isAdmin(user) || user.teams.includes(team);
}

/** Throws AccessDeniedError FORBIDDEN_TEAM unless the user may act on `team`'s cases. */
export function assertTeamAccess(user: AuthenticatedUser, team: string): void {
  if (!canAccessTeam(user, team)) throw new AccessDeniedError('FORBIDDEN_TEAM');
}

/**
 * A token naming no team (other than admin's) reaches no case: FORBIDDEN_TEAM (403), so that a
 * misconfigured account is told so rather than shown an empty work tray and zero figures (API.md).
 */
export function assertHasTeams(user: AuthenticatedUser): void {
  if (!isAdmin(user) && user.teams.length === 0)
    throw new AccessDeniedError(
      'FORBIDDEN_TEAM',
      'Your token names no team: ask an administrator to add you to your team.',
    );
}

/** The teams a query must be limited to, or null for all (admin); 403 for a token with no team. */
export function teamsVisibleTo(user: AuthenticatedUser): readonly string[] | null {
  assertHasTeams(user);
  return isAdmin(user) ? null : user.teams;
}

/**
 * The teams a user sees, with their display names, in TEAMS order: all of them for admin, those the
 * token names otherwise. With TEAMS unset (development), the token's own codes, each named by itself.
 * 403 for a token with no team.
 */
export function teamSettingsVisibleTo(
  user: AuthenticatedUser,
  configured: readonly TeamSetting[] | undefined,
): TeamSetting[] {
  assertHasTeams(user);
  if (configured === undefined) return user.teams.map((code) => ({ code, name: code }));
  return configured.filter((team) => canAccessTeam(user, team.code));
}
