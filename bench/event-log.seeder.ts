import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { caseStreamOf, type EhcpCaseEvent } from '@ehcp/domain';
// Internals on purpose, as the e2e tests do: the store's own cipher and test caseload, so the
// seeded rows are exactly what the api would have written, only without a round trip per event.
import {
  encryptPersonalData,
  newDataKey,
  wrapDataKey,
} from '../libs/event-store/src/personal-data/personal-data.cipher';
import { syntheticCase } from '../libs/read-models/src/testing/synthetic-caseload';

/** Cases whose events are interleaved: in a real log, consecutive events belong to different cases. */
const WINDOW = 2000;
/** Rows per INSERT (one transaction each, so the log gets many transaction ids, as in production). */
const CHUNK = 5000;

interface EventRows {
  stream: string[];
  revision: number[];
  id: string[];
  type: string[];
  data: string[];
  metadata: string[];
}

interface SeededCase {
  readonly stream: string;
  readonly events: readonly { type: string; data: string; metadata: string }[];
  /** Null once erased: crypto-shredded cases have no key row, as after DELETE /personal-data. */
  readonly key: { keyId: string; wrapped: Buffer } | null;
}

/**
 * Writes synthetic case histories (libs/read-models' synthetic caseload: every lifecycle, exceptions,
 * reviews, erasures) straight into the PostgreSQL event store's tables (es_events,
 * es_personal_data_keys) until `events` events are stored; the child's personal data is encrypted
 * with a per-case key wrapped by `masterKey`, as EncryptedEventStore does.
 */
export async function seedEventLog(
  pool: Pool,
  events: number,
  masterKey: string,
): Promise<{ events: number; cases: number }> {
  const master = Buffer.from(masterKey, 'base64');
  let stored = 0;
  let cases = 0;
  while (stored < events) {
    const window: SeededCase[] = [];
    while (window.length < WINDOW && stored < events) {
      const seeded = seedCase(cases, master);
      window.push(seeded);
      stored += seeded.events.length;
      cases += 1;
    }
    await insertWindow(pool, window);
  }
  return { events: stored, cases };
}

function seedCase(index: number, master: Buffer): SeededCase {
  const caseId = randomUUID();
  const history = syntheticCase(caseId, index);
  const erased = history.some((event) => event.type === 'PersonalDataErased');
  const keyId = randomUUID();
  const dataKey = newDataKey();
  const metadata = { userId: `cw-${index % 7}`, idempotencyKey: null, schemaVersion: 1 };
  return {
    stream: caseStreamOf(caseId),
    events: history.map((event) => {
      const correlationId = randomUUID();
      return {
        type: event.type,
        data: JSON.stringify(withEncryptedPersonalData(event, dataKey, keyId)),
        metadata: JSON.stringify({ ...metadata, correlationId, causationId: correlationId }),
      };
    }),
    key: erased ? null : { keyId, wrapped: wrapDataKey(dataKey, master, keyId) },
  };
}

function withEncryptedPersonalData(event: EhcpCaseEvent, key: Buffer, keyId: string): object {
  if (event.type !== 'RequestReceived') return event.data;
  return { ...event.data, personal: encryptPersonalData(event.data.personal, key, keyId) };
}

async function insertWindow(pool: Pool, window: readonly SeededCase[]): Promise<void> {
  const keyed = window.filter((seeded) => seeded.key !== null);
  await pool.query(
    `insert into es_personal_data_keys (stream_id, key_id, wrapped_key)
     select * from unnest($1::text[], $2::uuid[], $3::bytea[])`,
    [keyed.map((c) => c.stream), keyed.map((c) => c.key!.keyId), keyed.map((c) => c.key!.wrapped)],
  );
  const rows = interleaved(window);
  for (let start = 0; start < rows.stream.length; start += CHUNK) {
    const slice = (values: readonly unknown[]) => values.slice(start, start + CHUNK);
    await pool.query(
      `insert into es_events (stream_id, stream_revision, event_id, event_type, data, metadata)
       select * from unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])`,
      [rows.stream, rows.revision, rows.id, rows.type, rows.data, rows.metadata].map(slice),
    );
  }
}

/** Round-robin over the window's cases: each case's events stay in revision order. */
function interleaved(window: readonly SeededCase[]): EventRows {
  const rows: EventRows = { stream: [], revision: [], id: [], type: [], data: [], metadata: [] };
  const longest = Math.max(...window.map((c) => c.events.length));
  for (let revision = 0; revision < longest; revision += 1) {
    for (const seeded of window) {
      const event = seeded.events[revision];
      if (!event) continue;
      rows.stream.push(seeded.stream);
      rows.revision.push(revision);
      rows.id.push(randomUUID());
      rows.type.push(event.type);
      rows.data.push(event.data);
      rows.metadata.push(event.metadata);
    }
  }
  return rows;
}
