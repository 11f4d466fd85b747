const PUBLIC_PREFIXES = ['/health/', '/assets/', '/public/', '/family/'];
// '/signed-out' only says so: nothing on it is anyone's.
const PUBLIC_PATHS = ['/dev/sign-in', '/sign-in', '/auth/callback', '/signed-out'];

/** Routes anyone may open without signing in; every other route needs a signed-in user. */
export function isPublicPath(path: string): boolean {
  return PUBLIC_PATHS.includes(path) || PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix));
}
