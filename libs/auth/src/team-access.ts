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

/** The teams a query must be limited to, or null for all (admin). */
export function teamsVisibleTo(user: AuthenticatedUser): readonly string[] | null {
  return isAdmin(user) ? null : user.teams;
}
