import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { EhcpCaseEvent } from '@ehcp/domain';
import { syntheticCase } from '../../../../libs/read-models/src/testing/synthetic-caseload';
import { hookedSqlClient } from '../../../../test/support/hooked-sql-client';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { connectSqlClient, type SqlClient } from '../engine/sql-client';
import { rebuildProjections } from './projections.rebuild';

// A real log interleaves its cases, event by event: a case that leaves the replay's memory at a flush
// comes back a few pages later, often while that flush is still being written beside the fold. It must
// come back as it was in memory, not as the database has it before the flush commits.

describe('projections rebuild over an interleaved log, flushing beside the fold', () => {
  let harness: ProjectionHarness;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    harness = await ProjectionHarness.start('rm_rebuild_interleaved');
    const cases: { caseId: string; events: EhcpCaseEvent[] }[] = Array.from({ length: 40 }, (_, index) => {
      const caseId = randomUUID();
      return { caseId, events: syntheticCase(caseId, index) };
    });
    const longest = Math.max(...cases.map(({ events }) => events.length));
    for (let revision = 0; revision < longest; revision += 1) {
      for (const { caseId, events } of cases)
        if (revision < events.length) await harness.append(caseId, [events[revision]]);
    }
    await harness.project(37);
  }, 120_000);
  afterAll(() => harness.close());

  it('gives the tables the projector built, though each flush commits late', async () => {
    const before = await harness.snapshot();
    const db = await connectSqlClient(harness.database.url, () => undefined);
    const flushDb = await connectSqlClient(harness.database.url, () => undefined);
    try {
      // 40 cases through 8 places, a flush whenever more are in memory: cases leave and come back all the time.
      await rebuildProjections(db, harness.store, harness.applier, {
        batchSize: 20,
        workingSetCases: 8,
        flushDb: committingLate(flushDb),
      });
    } finally {
      await flushDb.end();
      await db.end();
    }
    expect(await harness.snapshot()).toEqual(before);
  });
});

/** `db`, each of whose commits waits a little first: the fold goes on well beside each flush. */
function committingLate(db: SqlClient): SqlClient {
  return hookedSqlClient(db, {
    before: async (text) => {
      if (text === 'commit') await new Promise((resolve) => setTimeout(resolve, 40));
    },
  });
}
