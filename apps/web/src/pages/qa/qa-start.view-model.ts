import { QA_GRADES, QA_SECTIONS, type QaGrade, type QaSection } from '@ehcp/domain';
import type { ProblemFieldError } from '../../api/api-errors';
import { datePartsOf, isBlank, isoDateOf, partsOfIso, type DateParts } from './date-fields';
import { GRADE_LABELS, SECTION_NAMES, stageLabel } from './qa-labels';

/** GET /qa/summary (API.md). */
export interface QaSummary {
  audits: number;
  goodOrBetterPct: number | null;
  grades: Record<QaGrade, number>;
  sections: Partial<Record<QaSection, { averageScore: number | null; inadequate: number }>>;
  coveragePct: number | null;
}

/** An item of GET /cases?q= (API.md, issue 16 search). */
export interface FoundCase {
  caseId: string;
  reference: string | null;
  team: string;
  stage: string;
  child?: { firstName: string; lastName: string; dateOfBirth: string } | null;
}

export type PageQuery = Record<string, unknown>;

/**
 * Twelve months ending `to`, as the api's own default: a year before (29 February -> 28 February),
 * plus a day.
 */
export function defaultFrom(to: string): string {
  const [year, month, day] = to.split('-').map(Number);
  const lastDayOfMonth = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  const yearBefore = Date.UTC(year - 1, month - 1, Math.min(day, lastDayOfMonth));
  return new Date(yearBefore + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The period the page shows: the from and to date inputs (or `from`/`to` as ISO dates in a link),
 * by default the last 12 months to today. A box left half-filled or a date that is not real is an
 * error under the api's field names (`from`, `to`); the page then asks for no figures.
 */
export function periodFrom(
  query: PageQuery,
  today: string,
): { from: string; to: string; fields: { from: DateParts; to: DateParts }; errors: ProblemFieldError[] } {
  const errors: ProblemFieldError[] = [];
  const read = (name: 'from' | 'to', label: string, fallback: () => string) => {
    const iso = query[name];
    const parts = typeof iso === 'string' && iso ? partsOfIso(iso) : datePartsOf(query, name);
    if (isBlank(parts)) return { value: fallback(), parts: partsOfIso(fallback()) };
    const value = isoDateOf(parts);
    if (!value) errors.push({ field: name, message: `${label} must be a real date, for example 1 4 2025` });
    return { value: value ?? '', parts };
  };
  const to = read('to', 'The end of the period', () => today);
  const from = read('from', 'The start of the period', () => defaultFrom(to.value || today));
  if (!errors.length && from.value > to.value)
    errors.push({ field: 'from', message: 'The start of the period must be on or before its end' });
  return { from: from.value, to: to.value, fields: { from: from.parts, to: to.parts }, errors };
}

/** The team select: all the user's teams, or one of them (with its display name when known). */
export function teamItems(teams: readonly { code: string; name: string }[], chosen: string) {
  return [
    { value: '', text: 'All your teams', selected: !chosen },
    ...teams.map((team) => ({ value: team.code, text: team.name, selected: team.code === chosen })),
  ];
}

function percent(value: number | null): string {
  return value === null ? 'No figure' : `${value}%`;
}

/**
 * What the summary shows: the key figures, the grade distribution, each section's average, and the
 * weakest sections (lowest average first, more inadequate grades first on a tie).
 */
export function qaSummaryView(summary: QaSummary) {
  const grades = QA_GRADES.map((grade) => {
    const count = summary.grades[grade] ?? 0;
    return {
      grade: GRADE_LABELS[grade],
      count,
      share: summary.audits ? `${Math.round((count / summary.audits) * 100)}%` : 'No figure',
    };
  });
  const sections = QA_SECTIONS.map((section) => ({
    section,
    name: SECTION_NAMES[section],
    averageScore: summary.sections[section]?.averageScore ?? null,
    inadequate: summary.sections[section]?.inadequate ?? 0,
  }));
  const weakest = sections
    .filter((s) => s.averageScore !== null)
    .sort((a, b) => (a.averageScore as number) - (b.averageScore as number) || b.inadequate - a.inadequate)
    .slice(0, 3)
    .map((s) => `${s.section} (${s.name})`);
  return {
    audits: summary.audits,
    goodOrBetter: percent(summary.goodOrBetterPct),
    coverage: percent(summary.coveragePct),
    grades,
    sections: sections.map((s) => ({
      ...s,
      averageScore: s.averageScore === null ? 'Not graded' : s.averageScore.toFixed(1),
    })),
    weakest,
  };
}

const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the text is a case id (a UUID): the page then goes straight to its audits. */
export function isCaseId(value: string): boolean {
  return CASE_ID.test(value);
}

/** The search results' rows: the child's name only here, where it tells the plans apart. */
export function foundCaseRows(items: readonly FoundCase[]) {
  return items.map((item) => ({
    caseId: item.caseId,
    reference: item.reference ?? 'No reference',
    child:
      item.child === null
        ? 'Personal data erased'
        : item.child
          ? `${item.child.firstName} ${item.child.lastName}`
          : '',
    dateOfBirth: item.child?.dateOfBirth ?? null,
    team: item.team,
    stage: stageLabel(item.stage),
  }));
}

/** The api takes a search of at most 100 characters (API.md `q`). */
export function searchProblem(q: string): ProblemFieldError | undefined {
  return q.length > 100
    ? { field: 'q', message: 'Enter a reference, name or date of birth of 100 characters or fewer' }
    : undefined;
}
