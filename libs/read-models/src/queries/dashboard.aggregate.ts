import { LocalDate } from '@js-joda/core';
import {
  ADVICE_SOURCES,
  DEADLINE_TITLES,
  type AdviceSource,
  type DeadlineKind,
  type Sen2Figures,
} from '@ehcp/domain';
import { percentage } from './one-decimal';

// The manager's dashboard (API.md GET /timeliness/dashboard): the pure shaping of what its SQL
// counted. Rows carry `team: null` for the total over the chosen teams (grouping sets).

/** The monthly series covers the 24 calendar months that end with the period's last month. */
export const DASHBOARD_MONTHS = 24;

/** The first day of the `months`-month series ending with the month of `to`. */
export function seriesStartOf(to: string, months = DASHBOARD_MONTHS): string {
  return LocalDate.parse(to)
    .withDayOfMonth(1)
    .minusMonths(months - 1)
    .toString();
}

export interface MonthlyRate {
  readonly month: string;
  readonly plans_issued_den: number;
  readonly plans_issued_within_20_weeks: number;
  readonly pc_plans_issued_within_20_weeks: number | null;
}

/** The 20-week measure of a month's SEN2 figures (the same numbers as GET /timeliness/monthly). */
export function monthlyRateOf(figures: Sen2Figures & { readonly month: string }): MonthlyRate {
  return {
    month: figures.month,
    plans_issued_den: figures.plans_issued_den,
    plans_issued_within_20_weeks: figures.plans_issued_within_20_weeks,
    pc_plans_issued_within_20_weeks: figures.pc_plans_issued_within_20_weeks,
  };
}

/** One row of the stage medians: `team` null for the total. Medians arrive as float8 (or null). */
export interface StageMediansRow {
  readonly team: string | null;
  readonly plans: number;
  readonly to_decision: number | null;
  readonly to_draft: number | null;
  readonly to_final: number | null;
}

/** One row of advice due in the period by source: `team` null for the total. */
export interface AdviceRow {
  readonly team: string | null;
  readonly source: string;
  readonly due: number;
  readonly on_time: number;
}

export interface AdviceOnTime {
  readonly source: AdviceSource;
  readonly due: number;
  readonly met_on_time: number;
  readonly pc_met_on_time: number | null;
}

/** "Where the weeks go" for one team, or for all the chosen teams. */
export interface Stages {
  /** New plans issued in the period (as SEN2's plans_issued_den). */
  readonly plans_issued: number;
  /** Median days from the request; one decimal; null with no plan (or no such step recorded). */
  readonly median_days_to_decision: number | null;
  readonly median_days_to_draft: number | null;
  readonly median_days_to_final: number | null;
  /** Every advice source, in the domain's order (zeros included). */
  readonly advice: AdviceOnTime[];
}

export interface TeamStages extends Stages {
  readonly team: string;
}

/** How many new plans took `days` days from the request to one stage: `team` per team only. */
export interface StageDaysRow {
  readonly team: string;
  readonly stage: 'decision' | 'draft' | 'final';
  readonly days: number;
  readonly plans: number;
}

/** Plans counted by team and the days to one stage: the column of that stage set, the others null. */
export interface PlansByDaysRow {
  readonly team: string;
  readonly to_decision: number | null;
  readonly to_draft: number | null;
  readonly to_final: number | null;
  readonly plans: number;
}

/** The counts of each stage, leaving out the plans that have not reached it (days null). */
export function stageDaysOf(rows: readonly PlansByDaysRow[]): StageDaysRow[] {
  return rows.flatMap(({ team, to_decision, to_draft, to_final, plans }): StageDaysRow[] => {
    if (to_decision !== null) return [{ team, stage: 'decision', days: to_decision, plans }];
    if (to_draft !== null) return [{ team, stage: 'draft', days: to_draft, plans }];
    if (to_final !== null) return [{ team, stage: 'final', days: to_final, plans }];
    return [];
  });
}

/**
 * The median of whole-day counts (`days` -> how many) as percentile_cont(0.5) gives it: the middle
 * value, or the mean of the two middle values of an even count; null with none. Counting days first
 * and finding the middle in the counts sorts a few hundred distinct values instead of every plan.
 */
export function medianOfCounts(
  counts: readonly { readonly days: number; readonly plans: number }[],
): number | null {
  const sorted = [...counts].filter((count) => count.plans > 0).sort((a, b) => a.days - b.days);
  const total = sorted.reduce((sum, count) => sum + count.plans, 0);
  if (total === 0) return null;
  const valueAt = (index: number) => {
    let seen = 0;
    for (const count of sorted) {
      seen += count.plans;
      if (index < seen) return count.days;
    }
    throw new Error('unreachable: index within the total');
  };
  return (valueAt(Math.floor((total - 1) / 2)) + valueAt(Math.ceil((total - 1) / 2))) / 2;
}

/** Each team's stage medians and the total's (`team` null) over every team's counts together. */
export function stageMediansOf(rows: readonly StageDaysRow[]): StageMediansRow[] {
  const teams = [...new Set(rows.map((row) => row.team))];
  const mediansOf = (team: string | null): StageMediansRow => {
    const mine = rows.filter((row) => team === null || row.team === team);
    const median = (stage: StageDaysRow['stage']) =>
      medianOfCounts(mine.filter((row) => row.stage === stage));
    const plans = mine.filter((row) => row.stage === 'final').reduce((sum, row) => sum + row.plans, 0);
    return {
      team,
      plans,
      to_decision: median('decision'),
      to_draft: median('draft'),
      to_final: median('final'),
    };
  };
  return [...teams.map(mediansOf), mediansOf(null)];
}

/** A median of whole days to one decimal (a median of an even count can end in .5). */
export function medianDaysOf(value: number | string | null): number | null {
  if (value === null) return null;
  return Math.round(Number(value) * 10) / 10;
}

/** Each team of `teams` (or, with null, each team with a row), in code order, and the total. */
export function stagesOf(
  teams: readonly string[] | null,
  medians: readonly StageMediansRow[],
  advice: readonly AdviceRow[],
): { teams: TeamStages[]; total: Stages } {
  const codes = [
    ...new Set(teams ?? [...medians, ...advice].flatMap((row) => (row.team === null ? [] : [row.team]))),
  ].sort();
  const stagesOfTeam = (team: string | null): Stages => {
    const row = medians.find((candidate) => candidate.team === team);
    return {
      plans_issued: row?.plans ?? 0,
      median_days_to_decision: medianDaysOf(row?.to_decision ?? null),
      median_days_to_draft: medianDaysOf(row?.to_draft ?? null),
      median_days_to_final: medianDaysOf(row?.to_final ?? null),
      advice: adviceOf(advice.filter((candidate) => candidate.team === team)),
    };
  };
  return { teams: codes.map((team) => ({ team, ...stagesOfTeam(team) })), total: stagesOfTeam(null) };
}

function adviceOf(rows: readonly AdviceRow[]): AdviceOnTime[] {
  return ADVICE_SOURCES.map((source) => {
    const row = rows.find((candidate) => candidate.source === source);
    const due = row?.due ?? 0;
    const onTime = row?.on_time ?? 0;
    return { source, due, met_on_time: onTime, pc_met_on_time: percentage(onTime, due) };
  });
}

/** Open deadlines due soon or overdue on asOf, counted by kind and team. */
export interface DeadlineCountRow {
  readonly kind: DeadlineKind;
  readonly team: string;
  readonly due_soon: number;
  readonly overdue: number;
}

export interface DeadlineCounts extends DeadlineCountRow {
  /** The kind in plain words (the domain's DEADLINE_TITLES). */
  readonly title: string;
}

/** The rows with their kind's title, by kind then team. */
export function deadlineCountsOf(rows: readonly DeadlineCountRow[]): DeadlineCounts[] {
  return [...rows]
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.team.localeCompare(b.team))
    .map((row) => ({
      kind: row.kind,
      title: DEADLINE_TITLES[row.kind],
      team: row.team,
      due_soon: row.due_soon,
      overdue: row.overdue,
    }));
}
