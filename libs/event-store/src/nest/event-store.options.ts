import type { AppConfig } from '@ehcp/config';
import type { DeciderCommandRunnerOptions } from '../command/decider-command.runner';
import type { KurrentDbEventStoreOptions } from '../kurrentdb/kurrentdb-event-store.adapter';
import type { PostgresEventStoreOptions } from '../postgres/postgres-event-store.adapter';

/** Injection token of the EventStoreModuleOptions in use. */
export const EVENT_STORE_OPTIONS = Symbol('EVENT_STORE_OPTIONS');

export interface EventStoreModuleOptions {
  /** PostgreSQL: the event store when no EventStoreDB is configured, and the personal-data keys always. */
  readonly databaseUrl: string;
  /** Set: events live in EventStoreDB / KurrentDB. */
  readonly eventStoreUrl?: string;
  /** base64 of 32 bytes: wraps the per-case personal-data keys. */
  readonly dataMasterKey: string;
  /** base64 of 32 bytes: the master key being rotated away from, still accepted for unwrapping. */
  readonly dataMasterKeyPrevious?: string;
  /** Connections of this module's PostgreSQL pool (default 10). */
  readonly poolMax?: number;
  readonly postgres?: Omit<PostgresEventStoreOptions, 'pool' | 'connectionString'>;
  readonly kurrentdb?: Omit<KurrentDbEventStoreOptions, 'connectionString'>;
  readonly runner?: DeciderCommandRunnerOptions;
}

export function eventStoreOptionsFromConfig(config: AppConfig): EventStoreModuleOptions {
  return {
    databaseUrl: config.DATABASE_URL,
    eventStoreUrl: config.EVENTSTORE_URL,
    dataMasterKey: config.DATA_MASTER_KEY,
    dataMasterKeyPrevious: config.DATA_MASTER_KEY_PREVIOUS,
    runner: { stateCache: { streams: config.COMMAND_STATE_CACHE_CASES } },
  };
}
