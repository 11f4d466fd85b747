import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { IdempotencyKeyPurger } from '../apps/api/src/idempotency/idempotency-key.purger';
import {
  given,
  requestBody,
  revisionOf,
  startCommandApi,
  TODAY,
  type Caller,
  type CommandApi,
} from './support/command-api';

interface HistoryEntry {
  revision: number;
  type: string;
  data: Record<string, unknown>;
}

/** Optimistic concurrency (retries, If-Match) and Idempotency-Key over HTTP. */
describe('command concurrency and idempotency', () => {
  let api: CommandApi;
  let caseworker: Caller;
  let admin: Caller;

  beforeAll(async () => {
    api = await startCommandApi();
    caseworker = await api.as('cw-1', ['caseworker']);
    admin = await api.as('admin-1', ['admin'], []);
  }, 60_000);
  afterAll(() => api.close());

  async function history(caseId: string): Promise<HistoryEntry[]> {
    return (await admin.get(`/cases/${caseId}/events`).expect(200)).body as HistoryEntry[];
  }

  /** A case at `assessing` (revision 1). */
  async function assessingCase(): Promise<string> {
    const caseId = randomUUID();
    await given(caseworker, [
      ['/cases', requestBody({ caseId })],
      [`/cases/${caseId}/assessment-decision`, { decision: 'assess', decidedOn: '2025-02-10' }],
    ]);
    return caseId;
  }

  describe('without If-Match: the runner retries on conflicts', () => {
    it('20 parallel commands on one case all succeed, each event once, revisions contiguous', async () => {
      const caseId = await assessingCase();
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 2 === 0
            ? caseworker.post(`/cases/${caseId}/advice-requests`, {
                adviceId: `adv-${i}`,
                source: 'health',
                requestedOn: '2025-02-11',
              })
            : caseworker.post(`/cases/${caseId}/exceptions`, {
                exceptionId: `exc-${i}`,
                reason: 'missed_appointment',
                startedOn: '2025-02-12',
              }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
      const revisions = responses.map((response) => response.body.revision as number).sort((a, b) => a - b);
      expect(revisions).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
      for (const response of responses) expect(response.headers.etag).toBe(`"${response.body.revision}"`);

      const events = await history(caseId);
      expect(events.map((event) => event.revision)).toEqual(Array.from({ length: 22 }, (_, i) => i));
      const ids = events.slice(2).map((event) => event.data.adviceId ?? event.data.exceptionId);
      expect([...ids].sort()).toEqual(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? `adv-${i}` : `exc-${i}`)).sort(),
      );
      // Each response names the revision of its own event.
      for (const response of responses) {
        const event = events[response.body.revision as number];
        expect(event.data.adviceId ?? event.data.exceptionId).toBe(
          response.body.adviceId ?? response.body.exceptionId,
        );
      }
    });
  });

  describe('If-Match pins the revision', () => {
    it('a stale revision: 412 REVISION_MISMATCH and nothing appended; the current one applies', async () => {
      const caseId = await assessingCase();
      const body = { source: 'health', requestedOn: '2025-02-11' };
      const stale = await caseworker
        .post(`/cases/${caseId}/advice-requests`, body, { 'If-Match': '"0"' })
        .expect(412);
      expect(stale.body).toMatchObject({ status: 412, code: 'REVISION_MISMATCH' });
      expect(await revisionOf(admin, caseId)).toBe(1);

      const applied = await caseworker
        .post(`/cases/${caseId}/advice-requests`, body, { 'If-Match': '"1"' })
        .expect(201);
      expect(applied.headers.etag).toBe('"2"');
      await caseworker
        .post(`/cases/${caseId}/advice-requests`, body, { 'If-Match': applied.headers.etag })
        .expect(201);
      await caseworker.post(`/cases/${caseId}/advice-requests`, body, { 'If-Match': '*' }).expect(201);
      expect(await revisionOf(admin, caseId)).toBe(4);
    });

    it('a revision ahead of the case, or on a case not yet created: 412', async () => {
      const caseId = await assessingCase();
      await caseworker
        .post(`/cases/${caseId}/draft-plan`, { issuedOn: '2025-04-14' }, { 'If-Match': '"9"' })
        .expect(412);
      const fresh = randomUUID();
      await caseworker.post('/cases', requestBody({ caseId: fresh }), { 'If-Match': '"0"' }).expect(412);
      expect(await revisionOf(admin, fresh)).toBe(-1);
    });

    it('If-Match: * (RFC 9110: any current representation) on a case not yet created: 412', async () => {
      const fresh = randomUUID();
      const refused = await caseworker
        .post('/cases', requestBody({ caseId: fresh }), { 'If-Match': '*' })
        .expect(412);
      expect(refused.body).toMatchObject({ status: 412, code: 'REVISION_MISMATCH' });
      await caseworker
        .post(
          `/cases/${fresh}/caseworker`,
          { caseworkerId: 'cw-1', assignedOn: '2025-01-07' },
          { 'If-Match': '*' },
        )
        .expect(412);
      expect(await revisionOf(admin, fresh)).toBe(-1);
    });

    it('of 5 parallel commands pinned to the same revision exactly one applies, the rest get 412', async () => {
      const caseId = await assessingCase();
      const responses = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          caseworker.post(
            `/cases/${caseId}/exceptions`,
            { exceptionId: `race-${i}`, reason: 'absence_from_area', startedOn: '2025-02-12' },
            { 'If-Match': '"1"' },
          ),
        ),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([201, 412, 412, 412, 412]);
      expect(await revisionOf(admin, caseId)).toBe(2);
    });

    it('GET events carries the ETag to send back', async () => {
      const caseId = await assessingCase();
      const read = await caseworker.get(`/cases/${caseId}/events`).expect(200);
      expect(read.headers.etag).toBe('"1"');
      await caseworker
        .post(
          `/cases/${caseId}/advice-requests`,
          { source: 'health', requestedOn: '2025-02-11' },
          { 'If-Match': read.headers.etag },
        )
        .expect(201);
    });
  });

  describe('Idempotency-Key', () => {
    const requestAdvice = (caseId: string, body: object, key: string) =>
      caseworker.post(`/cases/${caseId}/advice-requests`, body, { 'Idempotency-Key': key });

    it('a repeat returns the first response (status, body, ETag) and appends nothing; ids derive from the key', async () => {
      const key = randomUUID();
      const { caseId: _omitted, ...body } = requestBody();
      const first = await caseworker.post('/cases', body, { 'Idempotency-Key': key }).expect(201);
      const again = await caseworker.post('/cases', body, { 'Idempotency-Key': key }).expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(await history(first.body.caseId)).toHaveLength(1);
    });

    it('the same key with a different body, or on another endpoint: 409 IDEMPOTENCY_KEY_REUSED, nothing appended', async () => {
      const caseId = await assessingCase();
      const key = randomUUID();
      await requestAdvice(caseId, { source: 'health', requestedOn: '2025-02-11' }, key).expect(201);
      const reused = await requestAdvice(
        caseId,
        { source: 'social_care', requestedOn: '2025-02-11' },
        key,
      ).expect(409);
      expect(reused.body).toMatchObject({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
      const elsewhere = await caseworker
        .post(
          `/cases/${caseId}/exceptions`,
          { reason: 'missed_appointment', startedOn: '2025-02-12' },
          { 'Idempotency-Key': key },
        )
        .expect(409);
      expect(elsewhere.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await revisionOf(admin, caseId)).toBe(2);
    });

    it('the key is claimed before validation: reused with an invalid body, still 409 IDEMPOTENCY_KEY_REUSED', async () => {
      const caseId = await assessingCase();
      const key = randomUUID();
      await requestAdvice(caseId, { source: 'health', requestedOn: '2025-02-11' }, key).expect(201);
      const reused = await requestAdvice(caseId, { source: 'health', requestedOn: 'soon' }, key).expect(409);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await revisionOf(admin, caseId)).toBe(2);
    });

    it('10 concurrent identical requests: one event, ten identical answers', async () => {
      const caseId = await assessingCase();
      const key = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 10 }, () =>
          caseworker.post(
            `/cases/${caseId}/advice-requests`,
            { source: 'health', requestedOn: '2025-02-11' },
            { 'Idempotency-Key': key },
          ),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
      for (const response of responses) expect(response.body).toEqual(responses[0].body);
      const events = await history(caseId);
      expect(events.filter((event) => event.type === 'AdviceRequested')).toHaveLength(1);
      expect(events[2].data.adviceId).toBe(responses[0].body.adviceId);
    });

    it('a request that failed frees its key: the corrected request succeeds under it', async () => {
      const caseId = await assessingCase();
      const key = randomUUID();
      await caseworker
        .post(`/cases/${caseId}/draft-plan`, { issuedOn: 'soon' }, { 'Idempotency-Key': key })
        .expect(400);
      await caseworker
        .post(`/cases/${caseId}/draft-plan`, { issuedOn: '2025-04-14' }, { 'Idempotency-Key': key })
        .expect(409);
      await caseworker
        .post(
          `/cases/${caseId}/plan-decision`,
          { decision: 'issue', decidedOn: '2025-04-07' },
          { 'Idempotency-Key': key },
        )
        .expect(200);
      expect(await revisionOf(admin, caseId)).toBe(2);
    });

    it('keys belong to their user: two users may use the same key', async () => {
      const other = await api.as('cw-2', ['caseworker']);
      const key = randomUUID();
      const { caseId: _omitted, ...body } = requestBody();
      const mine = await caseworker.post('/cases', body, { 'Idempotency-Key': key }).expect(201);
      const theirs = await other.post('/cases', body, { 'Idempotency-Key': key }).expect(201);
      expect(theirs.body.caseId).not.toBe(mine.body.caseId);
    });

    it('a repeat is recognised by the event store even if the stored response is lost', async () => {
      const caseId = await assessingCase();
      const key = randomUUID();
      const body = { source: 'health', requestedOn: '2025-02-11' };
      const first = await caseworker
        .post(`/cases/${caseId}/advice-requests`, body, { 'Idempotency-Key': key })
        .expect(201);
      await withDatabase((db) =>
        db.query('delete from api_idempotency_key where idempotency_key = $1', [key]),
      );
      const again = await caseworker
        .post(`/cases/${caseId}/advice-requests`, body, { 'Idempotency-Key': key })
        .expect(201);
      expect(again.body).toEqual(first.body);
      expect(await revisionOf(admin, caseId)).toBe(2);
    });

    it('stored responses are purged after IDEMPOTENCY_KEY_RETENTION_HOURS (24); the event store still knows the key', async () => {
      const [oldKey, recentKey] = [randomUUID(), randomUUID()];
      const { caseId: _omitted, ...body } = requestBody();
      const first = await caseworker.post('/cases', body, { 'Idempotency-Key': oldKey }).expect(201);
      await caseworker.post('/cases', body, { 'Idempotency-Key': recentKey }).expect(201);
      // The api's clock stands at TODAY noon UTC: one key first used 25 hours before, one 23 hours before.
      const firstUsed = `'${TODAY}T12:00:00Z'::timestamptz - $2::interval`;
      await withDatabase(async (db) => {
        const age = `update api_idempotency_key set created_at = ${firstUsed} where idempotency_key = $1`;
        await db.query(age, [oldKey, '25 hours']);
        await db.query(age, [recentKey, '23 hours']);
      });

      expect(await api.app.get(IdempotencyKeyPurger).purge()).toBeGreaterThanOrEqual(1);

      const kept = await withDatabase((db) =>
        db.query<{ key: string }>(
          'select idempotency_key as key from api_idempotency_key where idempotency_key = any($1)',
          [[oldKey, recentKey]],
        ),
      );
      expect(kept.rows.map((row) => row.key)).toEqual([recentKey]);
      // Without its stored response a repeat runs again, and the event store recognises it: same answer,
      // nothing appended.
      const again = await caseworker.post('/cases', body, { 'Idempotency-Key': oldKey }).expect(201);
      expect(again.body).toEqual(first.body);
      expect(await history(first.body.caseId)).toHaveLength(1);
    });
  });

  async function withDatabase<T>(work: (db: Client) => Promise<T>): Promise<T> {
    const db = new Client({ connectionString: api.config.DATABASE_URL });
    await db.connect();
    try {
      return await work(db);
    } finally {
      await db.end();
    }
  }
});
