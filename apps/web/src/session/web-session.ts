import type { Role } from '@ehcp/auth';

/** The signed-in user as the pages see it: who, what they may do, and the token the API is called with. */
export interface SessionUser {
  readonly id: string;
  readonly roles: readonly Role[];
  readonly teams: readonly string[];
}

/** A GOV.UK success notification banner's heading and text. */
export interface Flash {
  readonly heading: string;
  readonly text?: string;
}

declare module 'express-session' {
  interface SessionData {
    user?: SessionUser;
    /** The bearer token for apps/api: the IdP's access token, or a development HS256 token. */
    accessToken?: string;
    /** Epoch ms of the user's last request: the idle timeout counts from it. */
    lastSeenAt?: number;
    /** The OIDC round trip's secrets, kept until /auth/callback. */
    oidc?: { state: string; nonce: string; codeVerifier: string; returnTo: string };
    /** Where to go after signing in (the page that asked for it). */
    returnTo?: string;
    /** A success message for the next page rendered (post/redirect/get), shown once. */
    flash?: Flash;
    /**
     * (issue 17) The family's new private link, shown once on its case page and then gone: the api
     * keeps only its hash, so this is the one time anyone can copy it. `url` is null when the api
     * answered a repeated request (the same Idempotency-Key), which never repeats the token.
     */
    newFamilyLink?: { readonly caseId: string; readonly url: string | null; readonly expiresOn: string };
  }
}

export const SESSION_COOKIE = 'ehcp.sid';
