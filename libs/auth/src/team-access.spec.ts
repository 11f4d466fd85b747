import { AccessDeniedError } from './auth.errors';
import type { AuthenticatedUser } from './authenticated-user';
import {
  assertHasTeams,
  assertTeamAccess,
  canAccessTeam,
  teamSettingsVisibleTo,
  teamsVisibleTo,
} from './team-access';

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
    expect(teamsVisibleTo(admin)).toBeNull();
  });

  // Issue 14: a manager or caseworker token with no teams got empty 200s.
  it('refuses a token with no team, admin apart: FORBIDDEN_TEAM (403), not an empty answer', () => {
    const forbidden = expect.objectContaining({
      status: 403,
      code: 'FORBIDDEN_TEAM',
      detail: expect.stringContaining('no team'),
    });
    expect(() => teamsVisibleTo(manager)).toThrow(forbidden);
    expect(() => assertHasTeams(manager)).toThrow(forbidden);
    expect(() => assertHasTeams({ ...caseworker, teams: [] })).toThrow(forbidden);
    expect(() => assertHasTeams(caseworker)).not.toThrow();
    expect(() => assertHasTeams(admin)).not.toThrow();
  });

  describe('teamSettingsVisibleTo (GET /teams)', () => {
    const TEAMS = [
      { code: 'north', name: 'North team' },
      { code: 'south', name: 'South team' },
      { code: 'east', name: 'East team' },
    ];

    it("lists the configured teams the token names, in TEAMS order, with their names; admin's: all", () => {
      expect(teamSettingsVisibleTo({ ...caseworker, teams: ['east', 'north', 'elsewhere'] }, TEAMS)).toEqual([
        { code: 'north', name: 'North team' },
        { code: 'east', name: 'East team' },
      ]);
      expect(teamSettingsVisibleTo(admin, TEAMS)).toEqual(TEAMS);
    });

    it("with TEAMS unset (development), lists the token's own codes named by themselves", () => {
      expect(teamSettingsVisibleTo(caseworker, undefined)).toEqual([
        { code: 'north', name: 'north' },
        { code: 'east', name: 'east' },
      ]);
    });

    it('refuses a token with no team: FORBIDDEN_TEAM', () => {
      expect(() => teamSettingsVisibleTo(manager, TEAMS)).toThrow(expect.objectContaining({ status: 403 }));
    });
  });
});
