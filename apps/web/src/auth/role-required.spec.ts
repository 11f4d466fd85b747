import { RoleRequiredException, requireRole } from './role-required';

describe('requireRole', () => {
  const user = (roles: ('caseworker' | 'admin' | 'qa_officer')[]) => ({ id: 'u-1', roles, teams: ['north'] });

  it('lets a user with one of the roles through, and an admin anywhere', () => {
    expect(() => requireRole(user(['qa_officer']), ['qa_officer'], 'QA officers')).not.toThrow();
    expect(() => requireRole(user(['admin']), ['qa_officer'], 'QA officers')).not.toThrow();
  });

  it('refuses anyone else, naming the role the page needs', () => {
    expect(() => requireRole(user(['caseworker']), ['admin'], 'administrators')).toThrow(
      new RoleRequiredException('administrators'),
    );
    expect(() => requireRole(undefined, ['admin'], 'administrators')).toThrow(RoleRequiredException);
  });
});
