import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { exitCodeOf, runImport } from '../scripts/import/caseload-import';
import { caseIdOf } from '../scripts/import/caseload-row.mapper';
import type { ImportSummary } from '../scripts/import/import-report';
import { revisionOf, startCommandApi, type Caller, type CommandApi } from './support/command-api';

jest.setTimeout(120_000);

const REQUEST = {
  team: 'north',
  requested_by: 'parent',
  request_received_on: '2025-09-01',
  child_first_name: 'Alex',
  child_last_name: 'Testcase',
  child_date_of_birth: '2016-04-12',
};
const ASSESSED = { assessment_decision: 'assess', assessment_decided_on: '2025-10-06' };
const DRAFTED = {
  advice_educational_psychology_requested_on: '2025-10-07',
  advice_educational_psychology_received_on: '2025-11-10',
  plan_decision: 'issue',
  plan_decided_on: '2025-12-01',
  draft_issued_on: '2025-12-03',
};

/** Three good rows; one with an impossible date, one whose final plan is too early, one repeated. */
const ROWS: Record<string, string>[] = [
  {
    reference: 'EHC-1',
    ...REQUEST,
    ...ASSESSED,
    ...DRAFTED,
    representations_received_on: '2025-12-10',
    final_plan_issued_on: '2026-01-12',
    placement_institution: 'Riverside Primary School',
    placement_type: 'mainstream',
    review_1_meeting_held_on: '2026-12-01',
    review_1_decision: 'maintain',
    review_1_decided_on: '2026-12-10',
  },
  { reference: 'EHC-2', ...REQUEST, assessment_decision: 'refuse', assessment_decided_on: '2025-10-01' },
  {
    reference: 'EHC-3',
    ...REQUEST,
    ...ASSESSED,
    plan_decision: 'not_issue',
    plan_decided_on: '2025-12-01',
    closed_on: '2026-02-01',
    closure_reason: 'moved_out_of_area',
  },
  { reference: 'EHC-4', ...REQUEST, ...ASSESSED, ...DRAFTED, draft_issued_on: '2025-02-30' },
  {
    reference: 'EHC-5',
    ...REQUEST,
    ...ASSESSED,
    ...DRAFTED,
    // Seven days after the draft with no representations: inside the 15-day window of reg 13(1).
    final_plan_issued_on: '2025-12-10',
    placement_institution: 'Riverside Primary School',
    placement_type: 'mainstream',
  },
  // EHC-2 again, with another decision: one row per case.
  { reference: 'EHC-2', ...REQUEST, assessment_decision: 'assess', assessment_decided_on: '2025-10-01' },
];

const EXPECTED_EVENTS: Record<string, string[]> = {
  'EHC-1': [
    'RequestReceived',
    'AssessmentDecisionMade',
    'AdviceRequested',
    'AdviceReceived',
    'PlanDecisionMade',
    'DraftPlanIssued',
    'RepresentationsReceived',
    'FinalPlanIssued',
    'ReviewMeetingHeld',
    'ReviewDecisionMade',
  ],
  'EHC-2': ['RequestReceived', 'AssessmentDecisionMade'],
  'EHC-3': ['RequestReceived', 'AssessmentDecisionMade', 'PlanDecisionMade', 'CaseClosed'],
  'EHC-5': [
    'RequestReceived',
    'AssessmentDecisionMade',
    'AdviceRequested',
    'AdviceReceived',
    'PlanDecisionMade',
    'DraftPlanIssued',
  ],
};
const RECORDED_FIRST_RUN = Object.values(EXPECTED_EVENTS).flat().length;

/**
 * `npm run import` against the api over HTTP (configureHttp, a throwaway database): cases and their
 * events, the refused rows and their codes, the summary; a second run adds nothing; the corrected
 * refused file brings in the rest.
 */
describe('importing an existing caseload', () => {
  let api: CommandApi;
  let importer: Caller;
  let folder: string;
  let file: string;
  let progress: string;

  beforeAll(async () => {
    api = await startCommandApi();
    importer = await api.as('caseload-import', ['admin'], []);
    folder = mkdtempSync(join(tmpdir(), 'caseload-import-'));
    file = join(folder, 'caseload.csv');
    writeFileSync(
      file,
      stringify(ROWS, { header: true, columns: Object.keys(ROWS[0]).concat(columnsBeyond()) }),
    );
  }, 60_000);
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await api.close();
  });

  function columnsBeyond(): string[] {
    const first = new Set(Object.keys(ROWS[0]));
    return [...new Set(ROWS.flatMap((row) => Object.keys(row)))].filter((column) => !first.has(column));
  }

  async function importFile(path: string): Promise<ImportSummary> {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const summary = await runImport({
      file: path,
      apiUrl: api.baseUrl,
      token: importer.token,
      rateLimit: {
        perWindow: api.config.RATE_LIMIT_PER_MINUTE,
        windowSeconds: api.config.RATE_LIMIT_WINDOW_SECONDS,
      },
      concurrency: 3,
      progress: stream,
    });
    progress = chunks.join('');
    return summary;
  }

  async function eventTypes(reference: string): Promise<string[]> {
    const response = await importer.get(`/cases/${caseIdOf(reference)}/events`).expect(200);
    return (response.body as { type: string; metadata: { userId: string } }[]).map((event) => {
      expect(event.metadata.userId).toBe('caseload-import');
      return event.type;
    });
  }

  function refusedRows(): Record<string, string>[] {
    return parse(readFileSync(join(folder, 'caseload.refused.csv')), { columns: true }) as Record<
      string,
      string
    >[];
  }

  it('records every step of the good rows, refuses the others with their problem codes, and sums it up', async () => {
    const summary = await importFile(file);

    expect(summary).toEqual({
      rowsRead: 6,
      casesCreated: 4,
      stepsRecorded: RECORDED_FIRST_RUN,
      stepsAlreadyPresent: 0,
      rowsImported: 3,
      rowsAlreadyPresent: 0,
      rowsRefused: 3,
      refusedByCode: { INVALID_DATE: 1, FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW: 1, DUPLICATE_REFERENCE: 1 },
      refusedFile: join(folder, 'caseload.refused.csv'),
    });
    expect(exitCodeOf(summary)).toBe(2);
    for (const [reference, types] of Object.entries(EXPECTED_EVENTS))
      expect(await eventTypes(reference)).toEqual(types);
    await importer.get(`/cases/${caseIdOf('EHC-4')}/events`).expect(404);
    expect(progress).toContain('import: 6/6 rows, 3 refused');
    expect(progress).not.toContain('Testcase');

    const [invalidDate, insideWindow, repeated] = refusedRows();
    expect(invalidDate).toMatchObject({
      reference: 'EHC-4',
      draft_issued_on: '2025-02-30',
      child_first_name: 'Alex',
      problem_code: 'INVALID_DATE',
      problem_field: 'draft_issued_on',
      failed_step: '',
      steps_done: '0',
    });
    expect(insideWindow).toMatchObject({
      reference: 'EHC-5',
      final_plan_issued_on: '2025-12-10',
      problem_code: 'FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW',
      problem_status: '409',
      problem_field: 'final_plan_issued_on',
      failed_step: 'final_plan',
      steps_done: String(EXPECTED_EVENTS['EHC-5'].length),
    });
    expect(repeated).toMatchObject({
      reference: 'EHC-2',
      assessment_decision: 'assess',
      problem_code: 'DUPLICATE_REFERENCE',
      problem_field: 'reference',
      steps_done: '0',
    });
  });

  it('adds nothing on a second run and reports everything as already present', async () => {
    const references = Object.keys(EXPECTED_EVENTS);
    const before = await Promise.all(
      references.map((reference) => revisionOf(importer, caseIdOf(reference))),
    );

    const summary = await importFile(file);

    expect(summary).toMatchObject({
      rowsRead: 6,
      casesCreated: 0,
      stepsRecorded: 0,
      stepsAlreadyPresent: RECORDED_FIRST_RUN,
      rowsImported: 3,
      rowsAlreadyPresent: 3,
      rowsRefused: 3,
      refusedByCode: { INVALID_DATE: 1, FINAL_PLAN_INSIDE_REPRESENTATION_WINDOW: 1, DUPLICATE_REFERENCE: 1 },
    });
    const after = await Promise.all(references.map((reference) => revisionOf(importer, caseIdOf(reference))));
    expect(after).toEqual(before);
  });

  it('takes the corrected refused file as input and records only what was missing', async () => {
    const corrected = refusedRows()
      .filter((row) => row.problem_code !== 'DUPLICATE_REFERENCE')
      .map((row) =>
        row.reference === 'EHC-4'
          ? { ...row, draft_issued_on: '2025-12-03' }
          : { ...row, final_plan_issued_on: '2025-12-18' },
      );
    const refusedFile = join(folder, 'caseload.refused.csv');
    writeFileSync(refusedFile, stringify(corrected, { header: true }));

    const summary = await importFile(refusedFile);

    expect(summary).toMatchObject({
      rowsRead: 2,
      casesCreated: 1,
      stepsRecorded: 6 + 1,
      stepsAlreadyPresent: EXPECTED_EVENTS['EHC-5'].length,
      rowsRefused: 0,
      refusedByCode: {},
    });
    expect(summary.refusedFile).toBeUndefined();
    expect(exitCodeOf(summary)).toBe(0);
    expect(await eventTypes('EHC-4')).toEqual(EXPECTED_EVENTS['EHC-5']);
    expect(await eventTypes('EHC-5')).toEqual([...EXPECTED_EVENTS['EHC-5'], 'FinalPlanIssued']);
  });
});
