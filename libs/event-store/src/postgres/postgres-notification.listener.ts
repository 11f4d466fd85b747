import { Logger } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';

/**
 * One LISTEN connection per store, shared by its subscriptions. NOTIFY only makes live delivery prompt:
 * subscribers also poll, so a lost connection or a missed notification delays events, never loses them.
 */
export class PostgresNotificationListener {
  private readonly logger = new Logger(PostgresNotificationListener.name);
  private readonly waiters = new Set<() => void>();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private closed = false;
  /** Bumped on every notification, so a waiter can tell it missed one while it was reading. */
  private generation = 0;
  /** The payload of the last notification received (empty before any). */
  private payload = '';

  constructor(
    private readonly connection: ClientConfig,
    private readonly channel: string,
  ) {}

  get currentGeneration(): number {
    return this.generation;
  }

  /** What the last notification said (its sender's business: a checkpoint, or nothing). */
  get lastPayload(): string {
    return this.payload;
  }

  /** Connects and LISTENs if not yet done; a failure is logged and retried by the next call. */
  ensureListening(): Promise<void> {
    if (this.closed || this.client) return Promise.resolve();
    this.connecting ??= this.listen()
      .catch((error: Error) =>
        this.logger.warn(`LISTEN ${this.channel} failed, polling only: ${error.message}`),
      )
      .finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  /**
   * Resolves true as soon as a notification newer than `seenGeneration` arrives, false after
   * `timeoutMs` or when `signal` aborts.
   */
  async waitForNotification(
    seenGeneration: number,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<boolean> {
    await this.ensureListening();
    if (this.generation !== seenGeneration) return true;
    if (signal?.aborted || this.closed) return false;
    return new Promise((resolve) => {
      const finish = (notified: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(onNotify);
        signal?.removeEventListener('abort', onAbort);
        resolve(notified);
      };
      const onNotify = () => finish(true);
      const onAbort = () => finish(false);
      const timer = setTimeout(() => finish(false), timeoutMs);
      this.waiters.add(onNotify);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connecting;
    this.wakeAll();
    await this.client?.end();
    this.client = undefined;
  }

  private async listen(): Promise<void> {
    const client = new Client(this.connection);
    client.on('error', (error) => this.drop(client, error));
    client.on('notification', (message) => {
      this.payload = message.payload ?? '';
      this.wakeAll();
    });
    await client.connect();
    await client.query(`listen ${client.escapeIdentifier(this.channel)}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    // Notifications sent before LISTEN took effect were never seen: let waiters re-read.
    this.wakeAll();
  }

  private drop(client: Client, error: Error): void {
    this.logger.warn(`LISTEN connection lost, reconnecting on next wait: ${error.message}`);
    if (this.client === client) this.client = undefined;
    // Ending an already broken connection may fail as well; there is nothing left to clean up then.
    void client.end().catch(() => undefined);
    this.wakeAll();
  }

  private wakeAll(): void {
    this.generation += 1;
    for (const wake of [...this.waiters]) wake();
  }
}
