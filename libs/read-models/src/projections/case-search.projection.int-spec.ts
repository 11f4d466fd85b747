import { randomUUID } from 'node:crypto';
import { loadConfig } from '@ehcp/config';
import type { EhcpCaseEvent } from '@ehcp/domain';
import { on } from '../../../domain/src/testing/case-events';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { searchHasher, searchTokensOf } from '../search/search-tokens';

// Given a case's events, then its case_search_token rows (real PostgreSQL, through the batch applier,
// whose projections hash with the environment's configured search key).
describe('case_search_token projection', () => {
  const hash = searchHasher(loadConfig().SEARCH_HASH_KEY);
  const tokensOf = (firstName: string, lastName: string) => searchTokensOf({ firstName, lastName }, hash);
  let harness: ProjectionHarness;
  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_search');
  });
  afterAll(() => harness.close());

  async function tokensAfter(...events: EhcpCaseEvent[]): Promise<string[]> {
    const caseId = randomUUID();
    await harness.append(caseId, events.length > 0 ? events : [on.requestReceived({ caseId })]);
    await harness.project();
    const rows = await harness.query<{ id: string; token: string }>(
      'select id, token from case_search_token where case_id = $1 order by token',
      [caseId],
    );
    for (const row of rows) expect(row.id).toBe(`${caseId}/${row.token}`);
    return rows.map((row) => row.token);
  }

  it("RequestReceived: a hashed token per part of the child's names", async () => {
    expect(await tokensAfter()).toEqual(tokensOf('Amelia', 'Khan'));
  });

  it('PlanTransferredIn: the same from the plan transferred in', async () => {
    const child = { firstName: 'José-María', lastName: "O'Neill-Smith", dateOfBirth: '2015-02-01' };
    expect(await tokensAfter(on.transferredIn({ personal: child }))).toEqual(
      tokensOf('José-María', "O'Neill-Smith"),
    );
  });

  it("ChildDetailsCorrected: the corrected name's tokens replace the old ones", async () => {
    const corrected = { firstName: 'Amelie', lastName: 'Khan-Ali', dateOfBirth: '2016-04-21' };
    const tokens = await tokensAfter(on.requestReceived(), on.childCorrected(corrected));
    expect(tokens).toEqual(tokensOf('Amelie', 'Khan-Ali'));
    expect(tokens).not.toContain(hash('amelia'));
  });

  it('PersonalDataErased: every token goes, and a later event brings none back', async () => {
    expect(await tokensAfter(on.requestReceived(), on.erased('2025-03-01'))).toEqual([]);
    expect(
      await tokensAfter(
        on.requestReceived(),
        on.erased('2025-03-01'),
        on.caseworkerAssigned('cw-2', '2025-03-02'),
      ),
    ).toEqual([]);
  });

  it('a request whose key was already shredded (a rebuild after erasure): no tokens', async () => {
    expect(await tokensAfter(on.requestReceived({ personal: null }))).toEqual([]);
  });

  it('never holds a name in clear', async () => {
    await tokensAfter(
      on.requestReceived({
        personal: { firstName: 'Zanele', lastName: 'Okafor', dateOfBirth: '2017-01-01' },
      }),
    );
    const [{ clear }] = await harness.query<{ clear: number }>(
      `select count(*)::int as clear from case_search_token t
        where t::text ilike any (array['%zanele%', '%okafor%', '%amelia%'])`,
    );
    expect(clear).toBe(0);
  });
});
