import { isRole, type Role } from '@ehcp/auth';

/** A claim that may be a list or a space/comma separated string, as IdPs differ. */
function listClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/** The user from the IdP's claims: the configured roles and teams claims, unknown roles ignored. */
export function userFromClaims(
  claims: Record<string, unknown>,
  rolesClaim: string,
  teamsClaim: string,
): { id: string; roles: Role[]; teams: string[] } {
  return {
    id: String(claims.sub ?? ''),
    roles: listClaim(claims[rolesClaim]).filter(isRole),
    teams: listClaim(claims[teamsClaim]),
  };
}
