import { ForbiddenException } from '@nestjs/common';
import { hasAnyRole, type Role } from '@ehcp/auth';
import type { SessionUser } from '../session/web-session';

/** A page for some roles only: the 403 page then says which role it needs, not "another team". */
export class RoleRequiredException extends ForbiddenException {
  constructor(readonly roleNeeded: string) {
    super(`Needs ${roleNeeded}`);
  }
}

/**
 * Throws RoleRequiredException unless the user holds one of `roles`. A helpful page, not security:
 * the api enforces roles itself.
 */
export function requireRole(user: SessionUser | undefined, roles: readonly Role[], roleNeeded: string): void {
  if (!user || !hasAnyRole(user, roles)) throw new RoleRequiredException(roleNeeded);
}
