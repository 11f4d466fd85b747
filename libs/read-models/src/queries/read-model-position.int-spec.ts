import { randomUUID } from 'node:crypto';
import { InvalidPosition } from '@ehcp/event-store';
import { on } from '../../../domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { ReadModelPosition } from './read-model-position';

describe('read-your-writes position', () => {
  let harness: ProjectionHarness;
  let position: ReadModelPosition;
  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_position');
    position = new ReadModelPosition(harness.dataSource, harness.store);
  });
  afterAll(() => harness.close());

  it('waits until the projection includes a position, and gives up after the timeout', async () => {
    const caseId = randomUUID();
    const { position: written } = await harness.append(caseId, [
      on.requestReceived({ caseId, requestReceivedOn: '2025-01-06' }),
    ]);
    const started = Date.now();
    expect(await position.waitFor(written, 200)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    const waiting = position.waitFor(written, 30_000);
    await harness.project();
    expect(await waiting).toBe(true);
    expect(await position.current()).toBe(written);
  });

  it('refuses a position the store never issued', async () => {
    await expect(position.waitFor('not-a-position', 100)).rejects.toBeInstanceOf(InvalidPosition);
  });
});
