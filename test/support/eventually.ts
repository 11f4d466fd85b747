/**
 * Probes until `accept` holds or `ms` has passed, and returns the last value (the test's assertion
 * then says what was wrong). Generous by default: a busy 2-core CI machine is slow, and a pass
 * returns at once.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
