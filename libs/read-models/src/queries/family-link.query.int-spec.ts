import { randomUUID } from 'node:crypto';
import { on } from '../../../domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { familyLink, tokenHashOf } from '../testing/family-link-events';
import { FamilyLinkQuery } from './family-link.query';

// Given projected family links, when the family's page asks by its token's hash, then it finds the
// link and its case, whether it still works being the caller's business (revoked, expired).
describe('FamilyLinkQuery.byTokenHash', () => {
  let harness: ProjectionHarness;
  let links: FamilyLinkQuery;
  const caseId = randomUUID();
  const other = randomUUID();

  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_family_link_query');
    links = new FamilyLinkQuery(harness.dataSource);
    await harness.append(caseId, [
      on.requestReceived({ caseId, requestReceivedOn: '2025-01-06' }),
      familyLink.issued('fl-1', '2025-02-03', '2025-05-04', tokenHashOf('1')),
      familyLink.issued('fl-2', '2025-03-03', '2025-06-01', tokenHashOf('2')),
    ]);
    await harness.append(other, [
      on.requestReceived({ caseId: other, requestReceivedOn: '2025-01-13' }),
      familyLink.issued('fl-3', '2025-02-10', '2025-02-20', tokenHashOf('3')),
    ]);
    await harness.project();
  });
  afterAll(() => harness.close());

  it("finds the current link and its case by the token's hash", async () => {
    expect(await links.byTokenHash(tokenHashOf('2'))).toEqual({
      linkId: 'fl-2',
      caseId,
      expiresOn: '2025-06-01',
      revokedOn: null,
    });
  });

  it('finds a replaced link too, with the day it stopped working', async () => {
    expect(await links.byTokenHash(tokenHashOf('1'))).toEqual({
      linkId: 'fl-1',
      caseId,
      expiresOn: '2025-05-04',
      revokedOn: '2025-03-03',
    });
  });

  it("finds another case's link by its own hash only", async () => {
    expect(await links.byTokenHash(tokenHashOf('3'))).toEqual({
      linkId: 'fl-3',
      caseId: other,
      expiresOn: '2025-02-20',
      revokedOn: null,
    });
  });

  it('null for a hash no link has, or anything else', async () => {
    expect(await links.byTokenHash(tokenHashOf('9'))).toBeNull();
    expect(await links.byTokenHash('')).toBeNull();
    expect(await links.byTokenHash("' or 1=1 --")).toBeNull();
  });
});
