import { randomUUID } from 'node:crypto';
import { CASE_STATE_VERSION } from '@ehcp/domain';
import { on } from '../../../domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { familyLink, tokenHashOf } from '../testing/family-link-events';
import { viewsRecorded } from '../testing/synthetic-caseload';
import { CaseQuery } from './case.query';

// The case screen's views and family link (2nd ed.), read from the fold the projector keeps.
describe('CaseQuery: views and family link', () => {
  let harness: ProjectionHarness;
  let cases: CaseQuery;
  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_case_query');
    cases = new CaseQuery(harness.dataSource);
  });
  afterAll(() => harness.close());

  const opened = (caseId: string) => on.requestReceived({ caseId, requestReceivedOn: '2025-01-06' });

  it('every views record in the order recorded, and the link not revoked, without its hash', async () => {
    const caseId = randomUUID();
    await harness.append(caseId, [
      opened(caseId),
      on.assessed('2025-02-03'),
      viewsRecorded('vw-2', '2025-03-10', 'assessment', 1),
      viewsRecorded('vw-1', '2025-02-20', 'assessment', 2),
      familyLink.issued('fl-1', '2025-02-03', '2025-05-04', tokenHashOf('p')),
      familyLink.issued('fl-2', '2025-03-03', '2025-06-01', tokenHashOf('q')),
    ]);
    await harness.project();
    const record = await cases.find(caseId);
    expect(record).toMatchObject({
      views: [
        { viewsId: 'vw-2', gatheredOn: '2025-03-10', method: 'questionnaire', stage: 'assessment' },
        { viewsId: 'vw-1', gatheredOn: '2025-02-20', method: 'advocate', stage: 'assessment' },
      ],
      familyLink: { linkId: 'fl-2', issuedOn: '2025-03-03', expiresOn: '2025-06-01' },
    });
    expect(JSON.stringify(record)).not.toContain(tokenHashOf('q'));
  });

  it('no link once revoked; an expired one is still shown, with its expiry', async () => {
    const revoked = randomUUID();
    const expired = randomUUID();
    await harness.append(revoked, [
      opened(revoked),
      familyLink.issued('fl-1', '2025-02-03', '2025-05-04', tokenHashOf('r')),
      familyLink.revoked('fl-1', '2025-02-10'),
    ]);
    // Expired (2025-02-13) long before any today: the query does not judge, the screen says so.
    await harness.append(expired, [
      opened(expired),
      familyLink.issued('fl-1', '2025-02-03', '2025-02-13', tokenHashOf('s')),
    ]);
    await harness.project();
    expect(await cases.find(revoked)).toMatchObject({ views: [], familyLink: null });
    expect(await cases.find(expired)).toMatchObject({
      familyLink: { linkId: 'fl-1', issuedOn: '2025-02-03', expiresOn: '2025-02-13' },
    });
  });

  it('a fold older than CASE_STATE_VERSION 3 reads as no views and no link, and is re-folded at the next event', async () => {
    const caseId = randomUUID();
    await harness.append(caseId, [opened(caseId), on.assessed('2025-02-03')]);
    await harness.project();
    // As the previous version left it: no views, no family links, version 2.
    await harness.query(
      `update case_state set state = state - 'views' - 'familyLinks', state_version = 2 where case_id = $1`,
      [caseId],
    );
    expect(await cases.find(caseId)).toMatchObject({ views: [], familyLink: null });

    await harness.append(caseId, [
      viewsRecorded('vw-1', '2025-02-20', 'assessment'),
      familyLink.issued('fl-1', '2025-03-03', '2025-06-01', tokenHashOf('t')),
    ]);
    await harness.project();
    expect(await harness.query('select * from projection_dead_letter where case_id = $1', [caseId])).toEqual(
      [],
    );
    const [stored] = await harness.query<{ state_version: number }>(
      'select state_version from case_state where case_id = $1',
      [caseId],
    );
    expect(stored.state_version).toBe(CASE_STATE_VERSION);
    expect(await cases.find(caseId)).toMatchObject({
      views: [{ viewsId: 'vw-1', gatheredOn: '2025-02-20', method: 'meeting', stage: 'assessment' }],
      familyLink: { linkId: 'fl-1', expiresOn: '2025-06-01' },
    });
    expect(await harness.query(`select views_id from case_views where case_id = $1`, [caseId])).toEqual([
      { views_id: 'vw-1' },
    ]);
  });
});
