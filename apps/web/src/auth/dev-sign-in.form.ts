import { isRole, type Role } from '@ehcp/auth';
import { TEAM_CODE_PATTERN } from '@ehcp/config';

export interface DevSignIn {
  sub: string;
  role: Role;
  teams: string[];
}

export interface FieldError {
  field: string;
  message: string;
}

/** Reads the development sign-in (query or form): a user id, one role, team codes separated by commas. */
export function parseDevSignIn(input: {
  sub?: unknown;
  role?: unknown;
  teams?: unknown;
}): { ok: true; value: DevSignIn } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const sub = typeof input.sub === 'string' ? input.sub.trim() : '';
  const role = typeof input.role === 'string' ? input.role : '';
  const teams = (typeof input.teams === 'string' ? input.teams : '')
    .split(',')
    .map((team) => team.trim())
    .filter(Boolean);
  if (!/^[A-Za-z0-9._@-]{1,100}$/.test(sub))
    errors.push({ field: 'sub', message: 'Enter a user id, for example cw-north-1' });
  if (!isRole(role)) errors.push({ field: 'role', message: 'Select a role' });
  if (teams.some((team) => !TEAM_CODE_PATTERN.test(team)))
    errors.push({ field: 'teams', message: 'Enter team codes separated by commas, for example north,south' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { sub, role: role as Role, teams } };
}
