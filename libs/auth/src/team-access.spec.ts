import { AccessDeniedError } from './auth.errors';
import type { AuthenticatedUser } from './authenticated-user';
import { assertTeamAccess, canAccessTeam, teamsVisibleTo } from './team-access';

const caseworker: AuthenticatedUser = { id: 'u1', roles: ['caseworker'], teams: ['north', 'east'] };
const manager: AuthenticatedUser = { id: 'u2', roles: ['manager'], teams: [] };
const admin: AuthenticatedUser = { id: 'u3', roles: ['admin'], teams: [] };

describe('team scoping', () => {
  it('lets a user reach only the teams they belong to', () => {
    expect(canAccessTeam(caseworker, 'north')).toBe(true);
    expect(canAccessTeam(caseworker, 'east')).toBe(true);
    expect(canAccessTeam(caseworker, 'south')).toBe(false);
    expect(canAccessTeam(manager, 'north')).toBe(false);
  });

  it('compares team codes exactly', () => {
    expect(canAccessTeam(caseworker, 'North')).toBe(false);
    expect(canAccessTeam(caseworker, '')).toBe(false);
  });

  it('lets admin reach every team', () => {
    expect(canAccessTeam(admin, 'south')).toBe(true);
    expect(() => assertTeamAccess(admin, 'south')).not.toThrow();
  });

  it('throws FORBIDDEN_TEAM (403) for another team', () => {
    expect(() => assertTeamAccess(caseworker, 'north')).not.toThrow();
    expect(() => assertTeamAccess(caseworker, 'south')).toThrow(AccessDeniedError);
    expect(() => assertTeamAccess(caseworker, 'south')).toThrow(
      expect.objectContaining({ status: 403, code: 'FORBIDDEN_TEAM' }),
    );
  });

  it('limits queries to the user teams, or to none for admin', () => {
    expect(teamsVisibleTo(caseworker)).toEqual(['north', 'east']);
    expect(teamsVisibleTo(manager)).toEqual([]);
    expect(teamsVisibleTo(admin)).toBeNull();
  });
});
