import type { AuthenticatedUser } from './authenticated-user';

/** Distinct live tokens kept; past it the least recently used goes (a client sends the same one for hours). */
const MAX_TOKENS = 1000;

interface Verified {
  readonly user: AuthenticatedUser;
  /** When the verifier itself would start refusing the token (its `exp` plus the clock tolerance). */
  readonly refuseFromMs: number;
}

/**
 * Users of tokens already verified, by the token's exact text: the same text carries the same signature
 * and claims, so until the token expires the answer cannot change. Saves the signature check (and the
 * claims' parsing) on every request of a session. Failures are never kept.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Verified>();

  constructor(private readonly maxTokens = MAX_TOKENS) {}

  userOf(token: string, nowMs: number): AuthenticatedUser | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    this.entries.delete(token);
    if (nowMs >= entry.refuseFromMs) return undefined;
    this.entries.set(token, entry); // the most recently used last
    return entry.user;
  }

  remember(token: string, user: AuthenticatedUser, refuseFromMs: number): void {
    this.entries.delete(token);
    this.entries.set(token, { user, refuseFromMs });
    if (this.entries.size > this.maxTokens) this.entries.delete(this.entries.keys().next().value!);
  }
}
