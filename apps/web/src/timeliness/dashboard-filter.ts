import type { ProblemFieldError } from '../api/api-errors';

/** What the filter form sent: `team` repeats (checkboxes) or is comma-separated (a shared link). */
export type DashboardQuery = Record<string, string | string[] | undefined>;

export interface DashboardFilter {
  /** As typed, to show back in the form ('' when left empty: the api's default). */
  readonly from: string;
  readonly to: string;
  /** Chosen team codes; empty: all the user's teams. */
  readonly teams: readonly string[];
  readonly errors: readonly ProblemFieldError[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function textOf(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

/** Team codes from repeated or comma-separated `team` values, each once, in the order given. */
export function teamsOf(value: string | string[] | undefined): string[] {
  const all = (Array.isArray(value) ? value : [value ?? ''])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return [...new Set(all)];
}

/** The filter form's fields, checked before the api is asked: a wrong date is the user's to fix. */
export function dashboardFilterOf(query: DashboardQuery): DashboardFilter {
  const from = textOf(query.from);
  const to = textOf(query.to);
  const errors: ProblemFieldError[] = [];
  const example = 'for example, 2025-01-06';
  if (from && !isIsoDate(from))
    errors.push({ field: 'from', message: `Enter the start date as year, month and day, ${example}` });
  if (to && !isIsoDate(to))
    errors.push({ field: 'to', message: `Enter the end date as year, month and day, ${example}` });
  if (errors.length === 0 && from && to && from > to)
    errors.push({ field: 'to', message: 'The end date must be the same as or after the start date' });
  return { from, to, teams: teamsOf(query.team), errors };
}

/** The api's query for the filter: empty fields left out so the api applies its defaults. */
export function apiQueryOf(filter: DashboardFilter): Record<string, string | undefined> {
  return {
    from: filter.from || undefined,
    to: filter.to || undefined,
    team: filter.teams.length ? filter.teams.join(',') : undefined,
  };
}
