import { userFromClaims } from './oidc-claims';

describe('userFromClaims', () => {
  it('maps the configured claims to roles and teams, ignoring unknown roles', () => {
    expect(
      userFromClaims(
        { sub: 'u1', ehcp_roles: ['caseworker', 'superuser'], groups: 'north south' },
        'ehcp_roles',
        'groups',
      ),
    ).toEqual({ id: 'u1', roles: ['caseworker'], teams: ['north', 'south'] });
  });

  it('gives no roles or teams when the claims are missing', () => {
    expect(userFromClaims({ sub: 'u2' }, 'roles', 'teams')).toEqual({ id: 'u2', roles: [], teams: [] });
  });
});
