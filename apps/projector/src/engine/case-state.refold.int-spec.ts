import { randomUUID } from 'node:crypto';
import { CASE_STATE_VERSION, type EhcpCaseEvent } from '@ehcp/domain';
import { CHILD, on } from '../../../../libs/domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';

jest.setTimeout(120_000);

/** The events of a case projected by the previous version, and the one that follows the upgrade. */
const before = (caseId: string): EhcpCaseEvent[] => [
  on.requestReceived({ caseId, requestReceivedOn: '2025-01-06' }),
  on.assessed('2025-02-03'),
  on.toIssue('2025-04-01'),
];
// Corrections read the state's `history`, which the previous version's states lack.
const after = on.factCorrected(0, 'RequestReceived', { requestReceivedOn: '2025-01-13' });

/** The case's rows in every projected table. */
async function rowsOf(harness: ProjectionHarness, caseId: string): Promise<Record<string, unknown[]>> {
  const snapshot = await harness.snapshot();
  return Object.fromEntries(
    Object.entries(snapshot).map(([table, rows]) => [
      table,
      rows.filter((row) => (row as { case_id: string }).case_id === caseId),
    ]),
  );
}

describe('a case state stored under an older CASE_STATE_VERSION', () => {
  let harness: ProjectionHarness;
  beforeEach(async () => {
    harness = await ProjectionHarness.start('projector_refold');
  });
  afterEach(() => harness.close());

  it('is re-folded from the event store before the next event: no dead letter, as a clean projection', async () => {
    const caseId = randomUUID();
    await harness.append(caseId, before(caseId));
    await harness.project();
    // As the previous version left it: no history, version 0 (the migration's default).
    await harness.query(
      `update case_state set state = state - 'history', state_version = 0 where case_id = $1`,
      [caseId],
    );
    const reads = jest.spyOn(harness.store, 'readStream');

    await harness.append(caseId, [after]);
    await harness.project();

    expect(await harness.query('select * from projection_dead_letter')).toEqual([]);
    expect(reads).toHaveBeenCalledTimes(1);
    const clean = await ProjectionHarness.start('projector_refold_clean');
    try {
      await clean.append(caseId, [...before(caseId), after]);
      await clean.project();
      expect(await rowsOf(harness, caseId)).toEqual(await rowsOf(clean, caseId));
    } finally {
      await clean.close();
    }
    const [stored] = await harness.query<{ state: object; state_version: number }>(
      'select state, state_version from case_state where case_id = $1',
      [caseId],
    );
    expect(stored.state_version).toBe(CASE_STATE_VERSION);
    expect(stored.state).toHaveProperty('history.revision', 3);
    // Re-read from the store, where the request carries the child's details: none is kept.
    expect(JSON.stringify(stored.state)).not.toContain(CHILD.firstName);
  });

  it('is not re-read when current: a normal batch reads no stream', async () => {
    const caseId = randomUUID();
    await harness.append(caseId, before(caseId));
    await harness.project();
    const reads = jest.spyOn(harness.store, 'readStream');

    await harness.append(caseId, [after]);
    await harness.project();

    expect(reads).not.toHaveBeenCalled();
    expect(await harness.query('select revision::int, state_version from case_state')).toEqual([
      { revision: 3, state_version: CASE_STATE_VERSION },
    ]);
  });
});
