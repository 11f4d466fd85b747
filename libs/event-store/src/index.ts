// Public contract of @ehcp/event-store. Everything else in this library is internal.
export {
  EventStore,
  type ActualRevision,
  type AppendOptions,
  type AppendResult,
  type ExpectedRevision,
  type JsonObject,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamFilter,
  type SubscribeToAllOptions,
  type SubscriptionItem,
} from './event-store.port';
export {
  WrongExpectedVersion,
  EventStoreTimeout,
  InvalidPosition,
  IdempotencyKeyReused,
} from './event-store.errors';
// Adapters
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store.adapter';
// Shared by the read models' read-your-writes wait (one LISTEN connection per process).
export { PostgresNotificationListener } from './postgres/postgres-notification.listener';
// Loaded only when EVENTSTORE_URL is set (EventStoreModule): its gRPC client costs ~27 MiB in every app.
export type { KurrentDbEventStoreOptions } from './kurrentdb/kurrentdb-event-store.adapter';
// Personal data
export { EncryptedEventStore } from './personal-data/encrypted-event-store.decorator';
export { PersonalDataKeyRepository } from './personal-data/personal-data-key.repository';
export {
  rotateMasterKey,
  type MasterKeyRotationOptions,
  type MasterKeyRotationProgress,
  type MasterKeyRotationSummary,
} from './personal-data/master-key-rotation';
export { UnknownMasterKey } from './personal-data/master-key-ring';
export { isEncryptedPersonalData, type EncryptedPersonalData } from './personal-data/personal-data.cipher';
// Command side
export { DeciderCommandRunner, type DeciderCommandRunnerOptions } from './command/decider-command.runner';
export {
  meetsPrecondition,
  type CommandContext,
  type CommandResult,
  type Decider,
  type EventCodec,
  type RevisionPrecondition,
  type RunCommandRequest,
} from './command/decider.types';
export { eventIdFor } from './command/deterministic-event-id';
// Nest
export { EventStoreModule, type EventStoreModuleAsyncOptions } from './nest/event-store.module';
export {
  EVENT_STORE_OPTIONS,
  eventStoreOptionsFromConfig,
  type EventStoreModuleOptions,
} from './nest/event-store.options';
export { EventStoreReadinessCheck } from './nest/event-store.readiness-check';
