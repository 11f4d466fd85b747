import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, Clock, type AppConfig } from '@ehcp/config';
import { IdempotencyRepository } from './idempotency.repository';

const HOUR_MS = 60 * 60 * 1000;
const PURGE_EVERY_MS = HOUR_MS;

/**
 * Keeps api_idempotency_key bounded: a key protects a client's retries for
 * IDEMPOTENCY_KEY_RETENTION_HOURS (24 by default, as payment APIs do), then is forgotten. Every api
 * instance purges; the delete is idempotent, so several at once are harmless.
 */
@Injectable()
export class IdempotencyKeyPurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyKeyPurger.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purgeLogged(), PURGE_EVERY_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Deletes the keys older than the retention; returns how many. */
  async purge(): Promise<number> {
    const cutoff = new Date(
      this.clock.now().getTime() - this.config.IDEMPOTENCY_KEY_RETENTION_HOURS * HOUR_MS,
    );
    return this.keys.purgeBefore(cutoff);
  }

  private async purgeLogged(): Promise<void> {
    try {
      const deleted = await this.purge();
      if (deleted > 0) this.logger.log(`purged ${deleted} idempotency keys`);
    } catch (error) {
      // The next round retries; a purge that fails only lets the table grow for an hour.
      this.logger.warn(`idempotency key purge failed: ${(error as Error).message}`);
    }
  }
}
