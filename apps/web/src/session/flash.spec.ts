import { takeFlash } from './flash';

describe('takeFlash', () => {
  it('gives the message once and leaves the session without it', () => {
    const session: { flash?: { heading: string } } = { flash: { heading: 'Audit recorded' } };
    expect(takeFlash(session)).toEqual({ heading: 'Audit recorded' });
    expect(session).toEqual({});
    expect(takeFlash(session)).toBeUndefined();
  });
});
