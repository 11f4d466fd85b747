import { AuthenticationError } from './auth.errors';
import { isRole, type AuthenticatedUser } from './authenticated-user';

/** Ids and team codes end up in every event and log line: bound them. */
const MAX_CLAIM_LENGTH = 200;

function isBoundedString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_CLAIM_LENGTH;
}

const isString = (value: unknown): value is string => typeof value === 'string';

function isArrayOf<T>(value: unknown, isItem: (item: unknown) => item is T): value is T[] {
  return Array.isArray(value) && value.every((item) => isItem(item));
}

/**
 * The user a verified token speaks for. `sub`, `roles` and `teams` are required; roles this service
 * does not know are dropped, since a council's SSO token may carry roles of other applications.
 */
export function userFromClaims(claims: Record<string, unknown>): AuthenticatedUser {
  const { sub, roles, teams } = claims;
  if (!isBoundedString(sub) || !isArrayOf(roles, isString) || !isArrayOf(teams, isBoundedString))
    throw new AuthenticationError('invalid');
  return { id: sub, roles: [...new Set(roles.filter(isRole))], teams: [...new Set(teams)] };
}
