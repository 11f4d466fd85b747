import { Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { AuthenticationError } from './auth.errors';
import type { AuthenticatedUser } from './authenticated-user';
import { JwtVerifier } from './jwt-verifier.service';

const VERIFICATION = Symbol('ehcp:bearer-verification');

/** The request as the guards see it; `user` is set once the bearer token is verified. */
export interface AuthRequest {
  headers: IncomingHttpHeaders;
  user?: AuthenticatedUser;
  [VERIFICATION]?: Promise<AuthenticatedUser>;
}

/**
 * RFC 6750 section 2.1: `Bearer` (any case) then a b64token. Another scheme, or `Bearer` alone (as
 * `Bearer $TOKEN` with TOKEN unset sends), counts as no token.
 */
function bearerToken(authorization: string | undefined): string {
  const [scheme, token, ...rest] = (authorization ?? '').trim().split(/ +/);
  if (scheme?.toLowerCase() !== 'bearer' || !token) throw new AuthenticationError('missing');
  if (rest.length > 0 || !/^[\w\-.~+/]+=*$/.test(token)) throw new AuthenticationError('invalid');
  return token;
}

/** Verifies a request's bearer token once, however many guards ask (rate limiting, then auth). */
@Injectable()
export class RequestAuthenticator {
  constructor(private readonly verifier: JwtVerifier) {}

  /** The request's user; rejects with an AuthenticationError. */
  authenticate(request: AuthRequest): Promise<AuthenticatedUser> {
    request[VERIFICATION] ??= this.verify(request.headers.authorization);
    return request[VERIFICATION];
  }

  /** The request's user, or undefined when its token is missing or invalid. */
  authenticated(request: AuthRequest): Promise<AuthenticatedUser | undefined> {
    return this.authenticate(request).catch(() => undefined);
  }

  private async verify(authorization: string | undefined): Promise<AuthenticatedUser> {
    return this.verifier.verify(bearerToken(authorization));
  }
}
