import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { requestBody, startCommandApi, type Caller, type CommandApi } from './support/command-api';
import { startInProcessProjector } from './support/in-process-projector';

/**
 * Issue 16: GET /cases?q= finds cases by reference, child's date of birth or name words (hashed
 * name parts, never a name in clear), within the caller's teams; the results name the child.
 */
describe('searching cases over HTTP', () => {
  let api: CommandApi;
  let projector: INestApplication;
  let caseworker: Caller;
  let southCaseworker: Caller;
  let admin: Caller;
  let position = '';
  const oneill = randomUUID();
  const khan = randomUUID();
  const south = randomUUID();
  const erased = randomUUID();

  async function command(caller: Caller, path: string, body?: unknown, method: 'post' | 'del' = 'post') {
    const response = method === 'post' ? await caller.post(path, body) : await caller.del(path);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
    position = response.body.position as string;
  }

  async function search(
    caller: Caller,
    q: string,
    more = '',
  ): Promise<{ items: Record<string, unknown>[]; total: number }> {
    const response = await caller
      .get(`/cases?q=${encodeURIComponent(q)}&minPosition=${position}${more}`)
      .expect(200);
    return response.body as { items: Record<string, unknown>[]; total: number };
  }
  const found = async (caller: Caller, q: string) =>
    (await search(caller, q)).items.map((item) => item.caseId);

  beforeAll(async () => {
    api = await startCommandApi();
    projector = await startInProcessProjector(api.config);
    caseworker = await api.as('cw-north', ['caseworker']);
    southCaseworker = await api.as('cw-south', ['caseworker'], ['south']);
    admin = await api.as('admin-1', ['admin'], []);
    const child = (firstName: string, lastName: string, dateOfBirth: string) => ({
      firstName,
      lastName,
      dateOfBirth,
    });
    await command(
      caseworker,
      '/cases',
      requestBody({
        caseId: oneill,
        reference: 'EHC-SRCH-0001',
        child: child('José-María', "O'Neill-Smith", '2015-02-01'),
      }),
    );
    await command(
      caseworker,
      '/cases',
      requestBody({ caseId: khan, reference: 'EHC-SRCH-0002', child: child('Amelia', 'Khan', '2016-04-12') }),
    );
    await command(
      southCaseworker,
      '/cases',
      requestBody({
        caseId: south,
        team: 'south',
        reference: 'EHC-SRCH-0003',
        child: child('Jose', 'Oneill', '2015-02-01'),
      }),
    );
    await command(
      caseworker,
      '/cases',
      requestBody({
        caseId: erased,
        reference: 'EHC-SRCH-0004',
        child: child('Tobias', 'Erased', '2014-09-09'),
      }),
    );
    await command(admin, `/cases/${erased}/personal-data`, undefined, 'del');
  }, 90_000);

  afterAll(async () => {
    await projector?.close();
    await api?.close();
  });

  it('finds a case by any part of the names, accents, case and apostrophes aside, and names the child', async () => {
    for (const q of ['jose', 'MARIA', 'oneill', "o'neill", 'O’Neill', 'smith', 'José María O’Neill-Smith'])
      expect(await found(caseworker, q)).toEqual([oneill]);
    const { items, total } = await search(caseworker, 'maria');
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({
      caseId: oneill,
      reference: 'EHC-SRCH-0001',
      team: 'north',
      stage: 'requested',
      child: { firstName: 'José-María', lastName: "O'Neill-Smith", dateOfBirth: '2015-02-01' },
    });
  });

  it('needs every word to match, and whole name parts', async () => {
    expect(await found(caseworker, 'amelia khan')).toEqual([khan]);
    expect(await found(caseworker, 'amelia smith')).toEqual([]);
    expect(await found(caseworker, 'ame')).toEqual([]);
  });

  it('finds by reference, exactly or by its beginning, in any case', async () => {
    expect(await found(caseworker, 'EHC-SRCH-0002')).toEqual([khan]);
    expect(await found(caseworker, 'ehc-srch-0002')).toEqual([khan]);
    expect((await found(caseworker, 'ehc-srch-000')).sort()).toEqual([oneill, khan, erased].sort());
  });

  it('finds by date of birth, written either way', async () => {
    expect(await found(caseworker, '2016-04-12')).toEqual([khan]);
    expect(await found(caseworker, '12/4/2016')).toEqual([khan]);
  });

  it("never finds another team's case", async () => {
    expect(await found(caseworker, 'EHC-SRCH-0003')).toEqual([]);
    expect(await found(caseworker, '1/2/2015')).toEqual([oneill]);
    expect(await found(southCaseworker, 'jose oneill')).toEqual([south]);
  });

  it('never finds an erased case by name; by reference it shows no child', async () => {
    expect(await found(caseworker, 'tobias')).toEqual([]);
    expect(await found(caseworker, '2014-09-09')).toEqual([]);
    const { items } = await search(caseworker, 'EHC-SRCH-0004');
    expect(items).toEqual([expect.objectContaining({ caseId: erased, child: null })]);
  });

  it('pages the results as the tray does', async () => {
    const first = await search(caseworker, 'EHC-SRCH', '&pageSize=2');
    const second = await search(caseworker, 'EHC-SRCH', '&pageSize=2&page=2');
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
  });

  it('the tray without q names no child', async () => {
    const { body } = await caseworker.get(`/cases?minPosition=${position}`).expect(200);
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) expect(item).not.toHaveProperty('child');
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['over 100 characters', 'a'.repeat(101)],
  ])('refuses a q that is %s (400 problem)', async (_what, q) => {
    const response = await caseworker.get(`/cases?q=${encodeURIComponent(q)}`).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
