import type { Flash } from './web-session';

/** The session's one-off message, if any, removed from it: a banner is shown once, then gone. */
export function takeFlash(session: { flash?: Flash }): Flash | undefined {
  const flash = session.flash;
  if (flash) delete session.flash;
  return flash;
}
