import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '@ehcp/config';
import { DeciderCommandRunner } from '../command/decider-command.runner';
import { EventStore } from '../event-store.port';
import { EncryptedEventStore } from '../personal-data/encrypted-event-store.decorator';
import { PersonalDataKeyRepository } from '../personal-data/personal-data-key.repository';
import { PostgresEventStore } from '../postgres/postgres-event-store.adapter';
import {
  EVENT_STORE_OPTIONS,
  eventStoreOptionsFromConfig,
  type EventStoreModuleOptions,
} from './event-store.options';
import { EventStoreReadinessCheck } from './event-store.readiness-check';

export interface EventStoreModuleAsyncOptions {
  readonly imports?: ModuleMetadata['imports'];
  /** Default: [APP_CONFIG], from @ehcp/config's ConfigModule. */
  readonly inject?: InjectionToken[];
  /** Default: eventStoreOptionsFromConfig(AppConfig). */
  readonly useFactory?: (...args: never[]) => EventStoreModuleOptions | Promise<EventStoreModuleOptions>;
}

/** The module's PostgreSQL pool and the store built on it; closed together on shutdown. */
interface EventStoreResources {
  readonly pool: Pool;
  readonly store: EncryptedEventStore;
}

const RESOURCES = Symbol('EVENT_STORE_RESOURCES');

async function openResources(options: EventStoreModuleOptions): Promise<EventStoreResources> {
  const logger = new Logger('EventStoreModule');
  const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolMax ?? 10 });
  // An idle pooled connection that breaks emits 'error'; unhandled, it would end the process.
  pool.on('error', (error) => logger.warn(`idle PostgreSQL connection failed: ${error.message}`));
  // KurrentDB's client (gRPC, protobuf, a native bridge) is loaded only when it is used: ~27 MiB.
  const adapter = options.eventStoreUrl
    ? new (await import('../kurrentdb/kurrentdb-event-store.adapter')).KurrentDbEventStore({
        ...options.kurrentdb,
        connectionString: options.eventStoreUrl,
      })
    : await PostgresEventStore.create({ ...options.postgres, pool });
  const keys = await PersonalDataKeyRepository.create(
    pool,
    options.dataMasterKey,
    options.dataMasterKeyPrevious,
  );
  logger.log(`event store: ${options.eventStoreUrl ? 'KurrentDB' : 'PostgreSQL'}`);
  // On PostgreSQL the keys share the events' pool: a new case's key is stored by its opening append.
  const opensStreamsWithKey = adapter instanceof PostgresEventStore ? adapter : undefined;
  return { pool, store: new EncryptedEventStore(adapter, keys, { opensStreamsWithKey }) };
}

@Injectable()
class EventStoreShutdown implements OnApplicationShutdown {
  constructor(@Inject(RESOURCES) private readonly resources: EventStoreResources) {}

  /** After every module's onModuleDestroy, so projectors have stopped their subscriptions. */
  async onApplicationShutdown(): Promise<void> {
    await this.resources.store.close();
    await this.resources.pool.end();
  }
}

/**
 * Provides `EventStore` (personal data encrypted; PostgreSQL, or KurrentDB when EVENTSTORE_URL is set),
 * `EncryptedEventStore` (for erasure), `DeciderCommandRunner` and `EventStoreReadinessCheck`. Global:
 * import it once per app.
 */
@Module({})
export class EventStoreModule {
  static forRootAsync(options: EventStoreModuleAsyncOptions = {}): DynamicModule {
    const useFactory = options.useFactory ?? ((config: AppConfig) => eventStoreOptionsFromConfig(config));
    return {
      module: EventStoreModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: EVENT_STORE_OPTIONS, useFactory, inject: options.inject ?? [APP_CONFIG] },
        { provide: RESOURCES, useFactory: openResources, inject: [EVENT_STORE_OPTIONS] },
        {
          provide: EncryptedEventStore,
          useFactory: (resources: EventStoreResources) => resources.store,
          inject: [RESOURCES],
        },
        { provide: EventStore, useExisting: EncryptedEventStore },
        {
          provide: DeciderCommandRunner,
          // Deciders fold streams without personal data: read them sealed, no key lookup per command.
          useFactory: (store: EncryptedEventStore, moduleOptions: EventStoreModuleOptions) =>
            new DeciderCommandRunner(store, {
              readStream: (streamName) => store.readStreamSealed(streamName),
              ...moduleOptions.runner,
            }),
          inject: [EncryptedEventStore, EVENT_STORE_OPTIONS],
        },
        EventStoreReadinessCheck,
        EventStoreShutdown,
      ],
      exports: [
        EVENT_STORE_OPTIONS,
        EventStore,
        EncryptedEventStore,
        DeciderCommandRunner,
        EventStoreReadinessCheck,
      ],
    };
  }
}
