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
import { decryptPersonalData, encryptPersonalData, isEncryptedPersonalData } from './personal-data.cipher';
import type { PersonalDataKeyRepository } from './personal-data-key.repository';

/** Events a readAll holds while their keys are looked up: a page of the store's. */
const READ_AHEAD = 500;

/** Looks each key up once per read; a fresh lookup per read means an erasure takes effect at once. */
type KeyLookup = (keyId: string) => Promise<Buffer | undefined>;

/**
 * Wraps any EventStore: `data.personal` (the child's name, date of birth...) is encrypted with the
 * case stream's own key before it reaches the store and decrypted on the way out; once the key is
 * erased it reads back as null and everything else is unchanged (DESIGN.md, Personal data).
 */
export class EncryptedEventStore extends EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly keys: PersonalDataKeyRepository,
    private readonly pingTimeoutMs = 2000,
  ) {
    super();
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
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
    const lookup = this.cachedLookup();
    // The keys of the next READ_AHEAD events are looked up side by side, not one round trip after
    // another: a replay of the whole log meets a new case's key every few events.
    const ahead: RecordedEvent[] = [];
    for await (const event of this.inner.readAll(options)) {
      const personal = event.data.personal;
      // Awaited by decrypt; until then its failure must not count as unhandled.
      if (isEncryptedPersonalData(personal)) lookup(personal.keyId).catch(() => undefined);
      ahead.push(event);
      if (ahead.length >= READ_AHEAD) yield await decrypt(ahead.shift()!, lookup);
    }
    for (const event of ahead) yield await decrypt(event, lookup);
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
    const { keyId, key } = await this.keys.keyForStream(streamName);
    return events.map((event) =>
      carriesPlainPersonalData(event)
        ? {
            ...event,
            data: { ...event.data, personal: encryptPersonalData(event.data.personal, key, keyId) },
          }
        : event,
    );
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

function carriesPlainPersonalData(event: NewEvent): boolean {
  const personal = event.data.personal;
  return personal !== undefined && personal !== null && !isEncryptedPersonalData(personal);
}

async function decrypt(event: RecordedEvent, lookup: KeyLookup): Promise<RecordedEvent> {
  const personal = event.data.personal;
  if (!isEncryptedPersonalData(personal)) return event;
  const key = await lookup(personal.keyId);
  return { ...event, data: { ...event.data, personal: key ? decryptPersonalData(personal, key) : null } };
}
