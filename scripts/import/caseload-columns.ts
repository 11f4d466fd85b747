import { ADVICE_SOURCES, type AdviceSource } from '@ehcp/domain';

// The columns of a caseload file (docs/caseload-import.md). One place for every column name: the
// reader checks the header against them, the mapper reads them, the refused-rows file appends to them.

/** Columns every file must have (a value may still be blank: the api then names the problem). */
export const REQUIRED_COLUMNS = [
  'reference',
  'team',
  'requested_by',
  'request_received_on',
  'child_first_name',
  'child_last_name',
  'child_date_of_birth',
] as const;

export const adviceRequestedColumn = (source: AdviceSource) => `advice_${source}_requested_on`;
export const adviceReceivedColumn = (source: AdviceSource) => `advice_${source}_received_on`;

/** Optional columns with one value per case; a column left out of the header is blank for every row. */
export const OPTIONAL_COLUMNS = [
  'caseworker_id',
  'assessment_decision',
  'assessment_decided_on',
  ...ADVICE_SOURCES.flatMap((source) => [adviceRequestedColumn(source), adviceReceivedColumn(source)]),
  'plan_decision',
  'plan_decided_on',
  'draft_issued_on',
  'representations_received_on',
  'representations_requested_institution',
  'final_plan_issued_on',
  'placement_institution',
  'placement_type',
  'ceased_on',
  'cessation_reason',
  'closed_on',
  'closure_reason',
] as const;

/** Repeatable groups: `<group>_<n>_<field>`, n = 1, 2, ... (several exceptions, consultations, reviews). */
export const NUMBERED_GROUPS = {
  exception: ['reason', 'started_on', 'ended_on', 'note'],
  consultation: ['institution', 'consulted_on', 'response_received_on', 'outcome'],
  review: ['meeting_held_on', 'decision', 'decided_on'],
} as const;
export type NumberedGroup = keyof typeof NUMBERED_GROUPS;

const NUMBERED_COLUMN = /^(exception|consultation|review)_([1-9]\d{0,2})_([a-z_]+)$/;

/** The columns the import adds to a refused row; ignored on input, so a corrected file can be re-imported. */
export const PROBLEM_COLUMNS = [
  'problem_code',
  'problem_status',
  'problem_field',
  'problem_detail',
  'failed_step',
  'steps_done',
] as const;

const KNOWN_COLUMNS: ReadonlySet<string> = new Set([
  ...REQUIRED_COLUMNS,
  ...OPTIONAL_COLUMNS,
  ...PROBLEM_COLUMNS,
]);

export const numberedColumn = (group: NumberedGroup, n: number, field: string) => `${group}_${n}_${field}`;

/** True for a column this format defines (a typo must not silently drop a step). */
export function isKnownColumn(column: string): boolean {
  if (KNOWN_COLUMNS.has(column)) return true;
  const match = NUMBERED_COLUMN.exec(column);
  if (!match) return false;
  const fields: readonly string[] = NUMBERED_GROUPS[match[1] as NumberedGroup];
  return fields.includes(match[3]);
}

/** The numbers of a group that the header uses, ascending (`review_1_...`, `review_2_...` -> [1, 2]). */
export function groupNumbers(columns: Iterable<string>, group: NumberedGroup): number[] {
  const numbers = new Set<number>();
  for (const column of columns) {
    const match = NUMBERED_COLUMN.exec(column);
    if (match?.[1] === group) numbers.add(Number(match[2]));
  }
  return [...numbers].sort((a, b) => a - b);
}
