import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes: 256 bits no one can guess, 43 characters of base64url. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A family link's secret: random, shown once in the link and never stored or logged; the case keeps
 * only its hash (`familyLinkTokenHashOf`).
 */
export function newFamilyLinkToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** SHA-256 of the token, lower-case hex: what the domain and the read model know of it. */
export function familyLinkTokenHashOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Could this be a token we issued? Anything else is answered "not found" without a query. */
export function isFamilyLinkToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
