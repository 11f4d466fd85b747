import { SignJWT } from 'jose';
import type { Role } from './authenticated-user';

export interface DevTokenClaims {
  sub: string;
  roles: readonly Role[];
  teams: readonly string[];
}

/** `iss` and `aud` of a token, for an api that checks them (AUTH_JWT_ISSUER, AUTH_JWT_AUDIENCE). */
export interface TokenAudience {
  issuer?: string;
  audience?: string;
}

/**
 * An HS256 token as the API expects, for development and tests (`npm run token`). `ttl` is a jose
 * time span: '8h', '30m', '2 days'; a negative one ('-1h') gives an already expired token.
 */
export async function signDevToken(
  claims: DevTokenClaims,
  secret: string,
  ttl = '12h',
  { issuer, audience }: TokenAudience = {},
): Promise<string> {
  const jwt = new SignJWT({ roles: [...claims.roles], teams: [...claims.teams] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(ttl);
  if (issuer !== undefined) jwt.setIssuer(issuer);
  if (audience !== undefined) jwt.setAudience(audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
