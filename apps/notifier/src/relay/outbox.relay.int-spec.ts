import { ManualClock } from '@ehcp/config';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import {
  WEBHOOK_SECRET,
  eventually,
  quiet,
  startNotifier,
  testQueuePrefix,
  type NotifierHarness,
} from '../testing/notifier.harness';
import { WebhookReceiver } from '../testing/webhook-receiver';

const NOW = '2026-11-02T09:00:00Z';
// Every change recorded before the alerts it raises were due, relayed now: they go at once.
const RECORDED = { knownAt: '2026-09-01T09:00:00Z' };
const DEADLINES = 60;
// A relay failing in a row backs off up to 30 s (OutboxRelay) before it tries again.
const RELAY_MAX_BACKOFF_MS = 30_000;

describe('two notifiers on one outbox and one set of queues', () => {
  let database: TestDatabase;
  let webhooks: WebhookReceiver;
  let notifiers: NotifierHarness[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('alerts_relay');
    webhooks = await new WebhookReceiver(WEBHOOK_SECRET).start();
    const queuePrefix = testQueuePrefix('relay');
    const start = () =>
      startNotifier(
        { DATABASE_URL: database.url, ALERT_WEBHOOK_URL: webhooks.url },
        { queuePrefix, clock: new ManualClock(NOW), relayBatchSize: 7, relayIntervalMs: 10 },
      );
    notifiers = [await start(), await start()];
  });

  afterAll(async () => {
    for (const notifier of notifiers) await notifier.close();
    await webhooks?.stop();
    await database?.drop();
  });

  it('relay every outbox row once between them and raise each alert exactly once', async () => {
    const [first, second] = notifiers;
    const day = (i: number) => String(1 + (i % 28)).padStart(2, '0');
    // Even: overdue at once. Odd, to be moved: due in December, their first warning still weeks away.
    // An alert of the old date already due would fire whenever the relays and workers beat the move:
    // a second alert of the deadline, right by design (one per deadline, kind and due date).
    const opened = await Promise.all(
      Array.from({ length: DEADLINES }, (_, i) =>
        (i % 2 ? first : second).deadlines.open({
          dueOn: i % 2 ? `2026-12-${day(i)}` : `2026-10-${day(i)}`,
          ...RECORDED,
        }),
      ),
    );
    // Moved while the relays run, to a date already passed: overdue at once, nothing of the old date.
    await Promise.all(
      opened.filter((_, i) => i % 2).map(({ id }) => first.deadlines.move(id, '2026-10-30', RECORDED)),
    );

    // Sixty alerts through two notifiers in one process: slow on a busy 2-core machine.
    await eventually(() => webhooks.calls.length >= DEADLINES, 40_000);
    await eventually(
      async () => (await first.db.query(`select 1 from alert_outbox where relayed_at is null`)).length === 0,
    );
    await Promise.all(notifiers.map((notifier) => quiet(notifier.queues)));

    const perCase = new Map<string, string[]>();
    for (const call of webhooks.calls) {
      perCase.set(call.body.caseId, [
        ...(perCase.get(call.body.caseId) ?? []),
        String(call.body.deadline.dueOn),
      ]);
    }
    expect(perCase.size).toBe(DEADLINES);
    expect([...perCase.values()].every((dueOns) => dueOns.length === 1)).toBe(true);
    opened.forEach(({ caseId }, i) => {
      if (i % 2) expect(perCase.get(caseId)).toEqual(['2026-10-30']);
    });
    const [{ count }] = await first.db.query(`select count(*)::int as count from notification`);
    expect(count).toBe(DEADLINES);
    // Every alert of the current due dates was due: what still waits could only be of an old date.
    expect((await first.queues.alerts.getJobs(['delayed'])).map((job) => job.id)).toEqual([]);
  });

  it('a relay that fails after adding the jobs, before its commit, adds them again harmlessly', async () => {
    const [first] = notifiers;
    // Marking rows relayed fails, as a crash between the Redis writes and the commit would leave them.
    await first.db.query(`
      create function refuse_relayed() returns trigger language plpgsql as $$
        begin raise exception 'crash before commit'; end $$;
      create trigger refuse_relayed before update on alert_outbox
        for each row when (new.relayed_at is not null) execute function refuse_relayed()`);
    const { id, caseId } = await first.deadlines.open({ dueOn: '2026-10-15', ...RECORDED });
    try {
      await eventually(() => webhooks.callsFor(caseId).length === 1);
      // Rolled back: the row is still to relay, and each retry adds the same alert again.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const pending = `select 1 from alert_outbox where deadline_id = $1 and relayed_at is null`;
      expect(await first.db.query(pending, [id])).toHaveLength(1);
    } finally {
      await first.db.query('drop trigger refuse_relayed on alert_outbox; drop function refuse_relayed()');
    }
    // The relays' backoff grew while they failed: the next try may be that far away.
    await eventually(
      async () => (await first.db.query(`select 1 from alert_outbox where relayed_at is null`)).length === 0,
      RELAY_MAX_BACKOFF_MS + 10_000,
    );
    await Promise.all(notifiers.map((notifier) => quiet(notifier.queues)));
    expect(webhooks.callsFor(caseId)).toHaveLength(1);
    const raised = await first.db.query(`select 1 from notification where deadline_id = $1`, [id]);
    expect(raised).toHaveLength(1);
  });
});
