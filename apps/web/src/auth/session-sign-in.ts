import type { Request } from 'express';
import type { SessionUser } from '../session/web-session';

/** A fresh session id on sign-in (no session fixation), then the user and their API token in it. */
export function signInSession(req: Request, user: SessionUser, accessToken: string): Promise<void> {
  const returnTo = req.session.returnTo;
  return new Promise((resolve, reject) =>
    req.session.regenerate((error) => {
      if (error) return reject(error);
      req.session.user = user;
      req.session.accessToken = accessToken;
      req.session.lastSeenAt = Date.now();
      if (returnTo) req.session.returnTo = returnTo;
      req.session.save((saveError) => (saveError ? reject(saveError) : resolve()));
    }),
  );
}

/** Takes (and forgets) the page that sent the user to sign in, if it was one of ours. */
export function takeReturnTo(req: Request): string {
  const returnTo = req.session.returnTo;
  delete req.session.returnTo;
  return returnTo && returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
}
