import {
  EventStore,
  type AppendOptions,
  type AppendResult,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type SubscriptionItem,
} from '../event-store.port';
import type { WrappedDataKey } from './master-key-ring';
import { decryptPersonalData, encryptPersonalData, isEncryptedPersonalData } from './personal-data.cipher';
import type { DataKey, PersonalDataKeyRepository } from './personal-data-key.repository';

/**
 * Events a readAll decrypts together: their keys come in one query, not one round trip per case (a
 * replay of the whole log meets a new case's key every few events). Looked up afresh per page, so an
 * erasure takes effect at once and a read of the whole log holds no more than a page's keys.
 */
const READ_AHEAD = 500;

/** Looks each key up once per read; a fresh lookup per read means an erasure takes effect at once. */
type KeyLookup = (keyId: string) => Promise<Buffer | undefined>;

/**
 * The inner store, when it can store a new stream's key in the keys' database in the statement that
 * opens the stream (PostgresEventStore on the keys' pool). Undefined: the stream already has a key.
 */
export interface OpensStreamsWithKey {
  appendOpeningWithKey(
    streamName: string,
    events: readonly NewEvent[],
    key: WrappedDataKey,
  ): Promise<AppendResult | undefined>;
}

export interface EncryptedEventStoreOptions {
  readonly pingTimeoutMs?: number;
  /** The inner store itself, if its events live in the keys' database: a new case costs one round trip. */
  readonly opensStreamsWithKey?: OpensStreamsWithKey;
}

/**
 * Wraps any EventStore: `data.personal` (the child's name, date of birth...) is encrypted with the
 * case stream's own key before it reaches the store and decrypted on the way out; once the key is
 * erased it reads back as null and everything else is unchanged (DESIGN.md, Personal data).
 */
export class EncryptedEventStore extends EventStore {
  private readonly pingTimeoutMs: number;
  private readonly opener: OpensStreamsWithKey | undefined;

  constructor(
    private readonly inner: EventStore,
    private readonly keys: PersonalDataKeyRepository,
    options: EncryptedEventStoreOptions = {},
  ) {
    super();
    this.pingTimeoutMs = options.pingTimeoutMs ?? 2000;
    this.opener = options.opensStreamsWithKey;
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (this.opener && options.expectedRevision === 'no_stream' && events.some(carriesPlainPersonalData)) {
      // A new stream's key is made here and stored with its first events: no separate key round trip.
      const key = this.keys.newKey();
      const opened = await this.opener.appendOpeningWithKey(streamName, sealed(events, key), key.wrapped);
      if (opened) return opened;
    }
    return this.inner.appendToStream(streamName, await this.encrypt(streamName, events), options);
  }

  async *readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    const lookup = this.cachedLookup();
    for await (const event of this.inner.readStream(streamName, options)) yield await decrypt(event, lookup);
  }

  /**
   * The stream as stored: `data.personal` still sealed, and no key looked up. For deciders, which never
   * read personal data (the case state deliberately holds none): a command then costs no key lookup.
   */
  readStreamSealed(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readStream(streamName, options);
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    let page: RecordedEvent[] = [];
    for await (const event of this.inner.readAll(options)) {
      page.push(event);
      if (page.length < READ_AHEAD) continue;
      yield* await this.decryptPage(page);
      page = [];
    }
    yield* await this.decryptPage(page);
  }

  async *subscribeToAll(options?: SubscribeToAllOptions): AsyncIterable<SubscriptionItem> {
    // No cache: a subscription lives for days and must see erasures.
    const lookup: KeyLookup = (keyId) => this.keys.keyById(keyId);
    for await (const item of this.inner.subscribeToAll(options)) {
      yield item.kind === 'event' ? { kind: 'event', event: await decrypt(item.event, lookup) } : item;
    }
  }

  /** Crypto-shreds the stream's personal data: every copy of its ciphertext becomes unreadable. */
  async erasePersonalData(streamName: string): Promise<void> {
    await this.keys.erase(streamName);
  }

  comparePositions(a: string, b: string): number {
    return this.inner.comparePositions(a, b);
  }

  async ping(): Promise<void> {
    await Promise.all([this.inner.ping(), this.keys.ping(this.pingTimeoutMs)]);
  }

  async close(): Promise<void> {
    await this.inner.close();
  }

  private async encrypt(streamName: string, events: readonly NewEvent[]): Promise<readonly NewEvent[]> {
    if (!events.some(carriesPlainPersonalData)) return events;
    return sealed(events, await this.keys.keyForStream(streamName));
  }

  private async decryptPage(page: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    const keyIds = new Set(
      page
        .map((event) => event.data.personal)
        .filter(isEncryptedPersonalData)
        .map((p) => p.keyId),
    );
    const keys = keyIds.size === 0 ? new Map<string, Buffer>() : await this.keys.keysById([...keyIds]);
    return page.map((event) => decryptWith(event, keys.get.bind(keys)));
  }

  private cachedLookup(): KeyLookup {
    const cache = new Map<string, Promise<Buffer | undefined>>();
    return (keyId) => {
      let key = cache.get(keyId);
      if (!key) {
        key = this.keys.keyById(keyId);
        cache.set(keyId, key);
      }
      return key;
    };
  }
}

/** The events with their personal data encrypted under `key`. */
function sealed(events: readonly NewEvent[], { keyId, key }: DataKey): readonly NewEvent[] {
  return events.map((event) =>
    carriesPlainPersonalData(event)
      ? { ...event, data: { ...event.data, personal: encryptPersonalData(event.data.personal, key, keyId) } }
      : event,
  );
}

function carriesPlainPersonalData(event: NewEvent): boolean {
  const personal = event.data.personal;
  return personal !== undefined && personal !== null && !isEncryptedPersonalData(personal);
}

async function decrypt(event: RecordedEvent, lookup: KeyLookup): Promise<RecordedEvent> {
  const personal = event.data.personal;
  if (!isEncryptedPersonalData(personal)) return event;
  const key = await lookup(personal.keyId);
  return decryptWith(event, () => key);
}

/** The event with its personal data readable, or null where its key is gone (erased). */
function decryptWith(event: RecordedEvent, keyOf: (keyId: string) => Buffer | undefined): RecordedEvent {
  const personal = event.data.personal;
  if (!isEncryptedPersonalData(personal)) return event;
  const key = keyOf(personal.keyId);
  return { ...event, data: { ...event.data, personal: key ? decryptPersonalData(personal, key) : null } };
}
