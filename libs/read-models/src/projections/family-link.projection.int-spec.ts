import { randomUUID } from 'node:crypto';
import { replay, type EhcpCase, type EhcpCaseEvent } from '@ehcp/domain';
import { on } from '../../../domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { familyLink, tokenHashOf } from '../testing/family-link-events';

const linksOf = (harness: ProjectionHarness, caseId: string) =>
  harness.query(
    `select link_id as "linkId", token_hash as "tokenHash", issued_on::text as "issuedOn",
            expires_on::text as "expiresOn", revoked_on::text as "revokedOn"
       from family_link where case_id = $1 order by issued_on, link_id`,
    [caseId],
  );

// Given a case's family link events, then its family_link rows are the state's familyLinks.
describe('family_link projection', () => {
  let harness: ProjectionHarness;
  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_family_link');
  });
  afterAll(() => harness.close());

  /** Projects each event as its own batch, as they would arrive; returns the case and its events. */
  async function given(...events: EhcpCaseEvent[]) {
    const caseId = randomUUID();
    const all = [on.requestReceived({ caseId, requestReceivedOn: '2025-01-06' }), ...events];
    for (const event of all) {
      await harness.append(caseId, [event]);
      await harness.project();
    }
    return { caseId, state: replay(all) as EhcpCase };
  }

  it('a new link replaces the one before it (revoked the day it is issued); a revoked one stays, dated', async () => {
    const { caseId, state } = await given(
      familyLink.issued('fl-1', '2025-02-03', '2025-05-04', tokenHashOf('a')),
      familyLink.viewed('fl-1', '2025-02-04'),
      familyLink.issued('fl-2', '2025-03-03', '2025-06-01', tokenHashOf('b')),
      familyLink.issued('fl-3', '2025-04-01', '2025-04-30', tokenHashOf('c')),
      familyLink.revoked('fl-3', '2025-04-10'),
    );
    expect(await linksOf(harness, caseId)).toEqual([
      {
        linkId: 'fl-1',
        tokenHash: tokenHashOf('a'),
        issuedOn: '2025-02-03',
        expiresOn: '2025-05-04',
        revokedOn: '2025-03-03',
      },
      {
        linkId: 'fl-2',
        tokenHash: tokenHashOf('b'),
        issuedOn: '2025-03-03',
        expiresOn: '2025-06-01',
        revokedOn: '2025-04-01',
      },
      {
        linkId: 'fl-3',
        tokenHash: tokenHashOf('c'),
        issuedOn: '2025-04-01',
        expiresOn: '2025-04-30',
        revokedOn: '2025-04-10',
      },
    ]);
    // Exactly the domain's fold: the projection copies, never decides.
    expect(await linksOf(harness, caseId)).toEqual(state.familyLinks);
  });

  it('a link works on a closed case: issuing after closure still projects', async () => {
    const { caseId } = await given(
      on.closed('2025-03-01'),
      familyLink.issued('fl-1', '2025-03-05', '2025-06-03', tokenHashOf('d')),
    );
    expect(await linksOf(harness, caseId)).toEqual([
      expect.objectContaining({ linkId: 'fl-1', revokedOn: null }),
    ]);
  });

  it('a rebuild-sized batch (every event of the case at once) gives the same rows as event by event', async () => {
    const caseId = randomUUID();
    await harness.append(caseId, [
      on.requestReceived({ caseId, requestReceivedOn: '2025-01-06' }),
      familyLink.issued('fl-1', '2025-02-03', '2025-05-04', tokenHashOf('e')),
      familyLink.issued('fl-2', '2025-03-03', '2025-06-01', tokenHashOf('f')),
    ]);
    await harness.project();
    expect(await linksOf(harness, caseId)).toEqual([
      expect.objectContaining({ linkId: 'fl-1', revokedOn: '2025-03-03' }),
      expect.objectContaining({ linkId: 'fl-2', revokedOn: null }),
    ]);
  });
});
