const PUBLIC_PREFIXES = ['/health/', '/assets/', '/public/', '/family/'];
// '/signed-out' only says so: nothing on it is anyone's.
const PUBLIC_PATHS = ['/dev/sign-in', '/sign-in', '/auth/callback', '/signed-out'];

/** Routes anyone may open without signing in; every other route needs a signed-in user. */
export function isPublicPath(path: string): boolean {
  return PUBLIC_PATHS.includes(path) || PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/**
 * Routes served with no session at all (issue 17): a family's private link needs no sign-in, and a
 * session cookie would only tie a family's device to this service. No form posts there, so no CSRF.
 */
export function isSessionlessPath(path: string): boolean {
  return path.startsWith('/family/');
}
