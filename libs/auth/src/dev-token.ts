import { SignJWT } from 'jose';
import type { Role } from './authenticated-user';

export interface DevTokenClaims {
  sub: string;
  roles: readonly Role[];
  teams: readonly string[];
}

/**
 * An HS256 token as the API expects, for development and tests (`npm run token`). `ttl` is a jose
 * time span: '8h', '30m', '2 days'; a negative one ('-1h') gives an already expired token.
 */
export async function signDevToken(claims: DevTokenClaims, secret: string, ttl = '12h'): Promise<string> {
  return new SignJWT({ roles: [...claims.roles], teams: [...claims.teams] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secret));
}
