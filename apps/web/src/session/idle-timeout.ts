/** True when the session has been idle for longer than the timeout (rolling: every request renews it). */
export function isIdleExpired(lastSeenAt: number | undefined, now: number, timeoutMinutes: number): boolean {
  if (lastSeenAt === undefined) return false;
  return now - lastSeenAt > timeoutMinutes * 60_000;
}
