import { AccessDeniedError } from './auth.errors';
import type { AuthenticatedUser, Role } from './authenticated-user';
import {
  CASE_COMMAND_ROLES,
  ERASURE_ROLES,
  QA_AUDIT_ROLES,
  QUERY_ROLES,
  assertAnyRole,
  hasAnyRole,
} from './role-access';

const as = (...roles: Role[]): AuthenticatedUser => ({ id: 'u1', roles, teams: ['north'] });

describe('role access (API.md Conventions)', () => {
  it.each([
    ['case commands', CASE_COMMAND_ROLES, ['caseworker', 'admin']],
    ['QA audits', QA_AUDIT_ROLES, ['qa_officer', 'admin']],
    ['personal-data erasure', ERASURE_ROLES, ['admin']],
    ['queries', QUERY_ROLES, ['caseworker', 'manager', 'qa_officer', 'admin']],
  ] as const)('%s are open to exactly %p', (_what, allowed, expected) => {
    const permitted = (['caseworker', 'manager', 'qa_officer', 'admin'] as const).filter((role) =>
      hasAnyRole(as(role), allowed),
    );
    expect(permitted).toEqual(expected);
  });

  it('lets admin through any list, even an empty one', () => {
    expect(hasAnyRole(as('admin'), [])).toBe(true);
  });

  it('needs one role of the list, not all', () => {
    expect(hasAnyRole(as('manager', 'qa_officer'), QA_AUDIT_ROLES)).toBe(true);
  });

  it('refuses a user without roles everywhere', () => {
    expect(hasAnyRole(as(), QUERY_ROLES)).toBe(false);
  });

  it('throws FORBIDDEN_ROLE (403) when no role fits', () => {
    expect(() => assertAnyRole(as('manager'), CASE_COMMAND_ROLES)).toThrow(AccessDeniedError);
    expect(() => assertAnyRole(as('manager'), CASE_COMMAND_ROLES)).toThrow(
      expect.objectContaining({ status: 403, code: 'FORBIDDEN_ROLE', title: 'Forbidden' }),
    );
    expect(() => assertAnyRole(as('caseworker'), CASE_COMMAND_ROLES)).not.toThrow();
  });
});
