import { isPublicPath, isSessionlessPath } from './public-paths';

describe('isPublicPath', () => {
  it.each(['/health/live', '/assets/govuk/govuk-frontend.min.css', '/public/timeliness', '/family/abc'])(
    '%s needs no sign-in',
    (path) => expect(isPublicPath(path)).toBe(true),
  );
  it.each(['/dev/sign-in', '/sign-in', '/auth/callback', '/signed-out'])('%s needs no sign-in', (path) =>
    expect(isPublicPath(path)).toBe(true),
  );
  it.each(['/', '/cases', '/cases/123', '/timeliness', '/qa', '/sign-out', '/healthz', '/publicity'])(
    '%s needs a signed-in user',
    (path) => expect(isPublicPath(path)).toBe(false),
  );
});

describe('isSessionlessPath', () => {
  it('serves a family’s private link with no session', () =>
    expect(isSessionlessPath('/family/abc')).toBe(true));
  it.each(['/family', '/cases/123/family-links', '/public/timeliness', '/sign-in'])(
    '%s has a session',
    (path) => expect(isSessionlessPath(path)).toBe(false),
  );
});
