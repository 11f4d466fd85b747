import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { APP_CONFIG, type AppConfig } from '@ehcp/config';
import { AuthenticationError } from './auth.errors';
import type { AuthenticatedUser } from './authenticated-user';
import { userFromClaims } from './token-claims';
import { VerifiedTokenCache } from './verified-token.cache';

/** Servers and identity providers drift a little; more would stretch short-lived tokens. */
const CLOCK_TOLERANCE_SECONDS = 30;

export type JwtVerifierConfig = Pick<AppConfig, 'AUTH_JWT_SECRET' | 'AUTH_JWKS_URL'> &
  Partial<Pick<AppConfig, 'AUTH_JWT_ISSUER' | 'AUTH_JWT_AUDIENCE'>>;

/**
 * Verifies bearer JWTs: HS256 with AUTH_JWT_SECRET, RS256 with keys from AUTH_JWKS_URL, either or
 * both, chosen by the token's `alg`. Each algorithm has exactly one key source, so a token cannot pick
 * a key of the wrong kind (no HS256 token "signed" with the RSA public key). `exp` is required; so are
 * `iss` and `aud` when AUTH_JWT_ISSUER / AUTH_JWT_AUDIENCE are set: a token the council's SSO issued
 * for another of its applications is not a token for this one.
 */
@Injectable()
export class JwtVerifier {
  private readonly secret?: Uint8Array;
  private readonly jwks?: JWTVerifyGetKey;
  private readonly algorithms: string[];
  private readonly issuer?: string;
  private readonly audience?: string;
  private readonly verified = new VerifiedTokenCache();

  constructor(@Inject(APP_CONFIG) config: JwtVerifierConfig) {
    if (config.AUTH_JWT_SECRET) this.secret = new TextEncoder().encode(config.AUTH_JWT_SECRET);
    // jose caches the key set and refetches it (at most every 30 s) when a token names an unknown key.
    if (config.AUTH_JWKS_URL) this.jwks = createRemoteJWKSet(new URL(config.AUTH_JWKS_URL));
    this.algorithms = [...(this.secret ? ['HS256'] : []), ...(this.jwks ? ['RS256'] : [])];
    this.issuer = config.AUTH_JWT_ISSUER;
    this.audience = config.AUTH_JWT_AUDIENCE;
  }

  /** The token's user; any failure is an AuthenticationError (401), its cause kept for logs. */
  async verify(token: string): Promise<AuthenticatedUser> {
    return this.verified.userOf(token, Date.now()) ?? this.verifyAnew(token);
  }

  private async verifyAnew(token: string): Promise<AuthenticatedUser> {
    try {
      const { payload } = await jwtVerify(token, this.keyFor, {
        algorithms: this.algorithms,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp'],
        // jose refuses a token without the claim, or with another value, when these are set.
        issuer: this.issuer,
        audience: this.audience,
      });
      const user = Object.freeze(userFromClaims(payload));
      // `exp` is required, so present; the verifier refuses the token from exp + tolerance on.
      this.verified.remember(token, user, (payload.exp! + CLOCK_TOLERANCE_SECONDS) * 1000);
      return user;
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(error instanceof errors.JWTExpired ? 'expired' : 'invalid', error);
    }
  }

  /** Each enabled algorithm has its own key source; any other `alg` never reaches a key. */
  private readonly keyFor: JWTVerifyGetKey = (header, token) => {
    if (header.alg === 'HS256' && this.secret) return this.secret;
    if (header.alg === 'RS256' && this.jwks) return this.jwks(header, token);
    throw new AuthenticationError('invalid');
  };
}
