import { parseDevSignIn } from './dev-sign-in.form';

describe('parseDevSignIn', () => {
  it('reads a user, a role and teams', () => {
    expect(parseDevSignIn({ sub: 'cw-1', role: 'caseworker', teams: 'north, south' })).toEqual({
      ok: true,
      value: { sub: 'cw-1', role: 'caseworker', teams: ['north', 'south'] },
    });
    expect(parseDevSignIn({ sub: 'm-1', role: 'manager' })).toEqual({
      ok: true,
      value: { sub: 'm-1', role: 'manager', teams: [] },
    });
  });

  it('names every bad field', () => {
    const result = parseDevSignIn({ sub: '', role: 'king', teams: 'north,no way' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(['sub', 'role', 'teams']);
  });
});
