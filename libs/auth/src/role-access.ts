import { AccessDeniedError } from './auth.errors';
import { ROLES, type AuthenticatedUser, type Role } from './authenticated-user';

/** Who may do what (API.md Conventions). Admin passes every role check anyway; listed for readers. */
export const CASE_COMMAND_ROLES: readonly Role[] = ['caseworker', 'admin'];
export const QA_AUDIT_ROLES: readonly Role[] = ['qa_officer', 'admin'];
export const ERASURE_ROLES: readonly Role[] = ['admin'];
export const QUERY_ROLES: readonly Role[] = ROLES;

export function isAdmin(user: AuthenticatedUser): boolean {
  return user.roles.includes('admin');
}

export function hasAnyRole(user: AuthenticatedUser, allowed: readonly Role[]): boolean {
  return isAdmin(user) || allowed.some((role) => user.roles.includes(role));
}

/** Throws AccessDeniedError FORBIDDEN_ROLE unless the user holds one of `allowed` (or is admin). */
export function assertAnyRole(user: AuthenticatedUser, allowed: readonly Role[]): void {
  if (!hasAnyRole(user, allowed)) throw new AccessDeniedError('FORBIDDEN_ROLE');
}
