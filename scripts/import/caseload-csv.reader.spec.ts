import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseloadFileError, readCaseloadFile } from './caseload-csv.reader';
import { mapCaseloadRow } from './caseload-row.mapper';

const TEMPLATE = join(__dirname, '..', '..', 'docs', 'caseload-import-template.csv');
const HEADER =
  'reference,team,requested_by,request_received_on,child_first_name,child_last_name,child_date_of_birth';

describe('reading a caseload file', () => {
  let folder: string;
  beforeAll(() => (folder = mkdtempSync(join(tmpdir(), 'caseload-reader-'))));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  function fileWith(text: string): string {
    const path = join(folder, `${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(path, text);
    return path;
  }

  it('reads the documented template, and every one of its rows maps to commands', () => {
    const { columns, rows } = readCaseloadFile(TEMPLATE);

    expect(columns[0]).toBe('reference');
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect(mapCaseloadRow(row)).toMatchObject({ ok: true });
  });

  it('skips blank lines and a byte-order mark, and keeps a quoted comma', () => {
    const path = fileWith(
      `\ufeff${HEADER}\n\nEHC-1,north,parent,2025-09-01,"Alex, Jr",Testcase,2016-04-12\n,,,,,,\n`,
    );

    const { rows } = readCaseloadFile(path);

    expect(rows).toEqual([expect.objectContaining({ reference: 'EHC-1', child_first_name: 'Alex, Jr' })]);
  });

  it('accepts the columns of its own refused-rows file, so a corrected one can be imported again', () => {
    const path = fileWith(
      `${HEADER},problem_code,problem_status,problem_field,problem_detail,failed_step,steps_done\n`,
    );

    expect(readCaseloadFile(path).rows).toEqual([]);
  });

  it.each([
    [`${HEADER},final_plan_issud_on\n`, /unknown column\(s\): final_plan_issud_on/],
    [`${HEADER},review_1_meeting_on\n`, /unknown column\(s\): review_1_meeting_on/],
    ['reference,team\n', /missing column\(s\): requested_by/],
    [`${HEADER},team\n`, /repeated: team/],
    [`${HEADER}\nEHC-1,north\n`, /not a valid CSV file: CSV_RECORD_INCONSISTENT_FIELDS_LENGTH at line 2/],
    ['', /empty/],
  ])('refuses the whole file when its header or shape is wrong (%#)', (text, message) => {
    const path = fileWith(text);

    expect(() => readCaseloadFile(path)).toThrow(CaseloadFileError);
    expect(() => readCaseloadFile(path)).toThrow(message);
  });

  it('never quotes a cell in its message (cells hold personal data)', () => {
    const path = fileWith(`${HEADER}\nEHC-1,north,parent,2025-09-01,Al"ex,Testcase,2016-04-12\n`);

    expect(() => readCaseloadFile(path)).toThrow(CaseloadFileError);
    expect(() => readCaseloadFile(path)).not.toThrow(/Al"ex|Testcase/);
  });
});
