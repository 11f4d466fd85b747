import { LocalDate } from '@js-joda/core';
import { assertNever } from '../shared/assert-never';
import { daysBetween, plusDays } from '../shared/local-date';
import {
  NO_SEN2_COUNTS,
  SEN2_DAYS,
  sen2FiguresOf,
  type Sen2Counts,
  type Sen2Figures,
  type Sen2PlanCounts,
} from './sen2.figures';
import type { CaseTimeline, Sen2Deadline } from './sen2.timeline';
import type { ViewsStage } from '../ehcp-case/ehcp-case.vocabulary';

// DfE SEN2 timeliness measures (DOMAIN.md "Timeliness statistics"). Each case gives dated facts (a
// new plan issued, a request decided, a review or transfer due, a review decided, (2nd ed.) a review
// held); a period counts the facts dated in it, each by its own date.

/** Inclusive period, optionally limited to one team. */
export interface Sen2Period {
  readonly from: string;
  readonly to: string;
  readonly team?: string | null;
}

/** One row per team and the total over them (API.md `GET /timeliness/sen2?by=team`). */
export interface Sen2ByTeam {
  readonly teams: (Sen2Figures & { readonly team: string })[];
  readonly total: Sen2Figures;
}

type Sen2Fact = { readonly team: string; readonly on: string } & (
  | {
      readonly kind: 'plan';
      readonly days: number;
      readonly exceptionApplies: boolean;
      readonly disputed: boolean;
      readonly withViews: boolean;
    }
  | { readonly kind: 'request_decided'; readonly days: number; readonly refused: boolean }
  | { readonly kind: 'review_due' | 'phase_transfer_due'; readonly metOnTime: boolean }
  | { readonly kind: 'review_decided'; readonly days: number }
  | { readonly kind: 'review_held'; readonly withViews: boolean }
);

/** Every SEN2 field for the facts dated in [from, to] (and of the team, when given). */
export function sen2Of(timelines: readonly CaseTimeline[], period: Sen2Period): Sen2Figures {
  const facts = factsIn(timelines, period, period.team == null ? null : [period.team]);
  return sen2FiguresOf(countsOf(facts));
}

/** SEN2 per calendar month ('YYYY-MM') of [from, to]; the first and last months are clipped to it. */
export function sen2ByMonth(
  timelines: readonly CaseTimeline[],
  period: Sen2Period,
): (Sen2Figures & { readonly month: string })[] {
  const months: (Sen2Figures & { readonly month: string })[] = [];
  let monthStart = LocalDate.parse(period.from).withDayOfMonth(1);
  while (monthStart.toString() <= period.to) {
    const monthEnd = plusDays(monthStart.plusMonths(1).toString(), -1);
    const from = monthStart.toString() < period.from ? period.from : monthStart.toString();
    const to = monthEnd > period.to ? period.to : monthEnd;
    months.push({ month: monthStart.toString().slice(0, 7), ...sen2Of(timelines, { ...period, from, to }) });
    monthStart = monthStart.plusMonths(1);
  }
  return months;
}

/**
 * SEN2 of [from, to] for each of `teams` (every one listed, in code order, zeros included) and their
 * total; with `teams` null (an admin), for each team with a fact in the period.
 */
export function sen2ByTeam(
  timelines: readonly CaseTimeline[],
  period: Pick<Sen2Period, 'from' | 'to'>,
  teams: readonly string[] | null,
): Sen2ByTeam {
  const facts = factsIn(timelines, period, teams);
  const codes = [...new Set(teams ?? facts.map((fact) => fact.team))].sort();
  return {
    teams: codes.map((team) => ({
      team,
      ...sen2FiguresOf(countsOf(facts.filter((fact) => fact.team === team))),
    })),
    total: sen2FiguresOf(countsOf(facts)),
  };
}

function factsIn(
  timelines: readonly CaseTimeline[],
  { from, to }: Pick<Sen2Period, 'from' | 'to'>,
  teams: readonly string[] | null,
): Sen2Fact[] {
  return timelines
    .filter((timeline) => teams === null || teams.includes(timeline.team))
    .flatMap(factsOf)
    .filter((fact) => fact.on >= from && fact.on <= to);
}

/** The dated facts of one case, whatever the period. */
function factsOf(timeline: CaseTimeline): Sen2Fact[] {
  const { team, requestReceivedOn } = timeline;
  const facts: Sen2Fact[] = [];
  const issuedOn = timeline.firstFinalPlanIssuedOn;
  // Only the first final plan of a case opened by a request is a new plan.
  if (issuedOn !== null && timeline.openedByRequest)
    facts.push({
      team,
      on: issuedOn,
      kind: 'plan',
      days: daysBetween(requestReceivedOn, issuedOn),
      exceptionApplies: timeline.finalPlanExceptionApplies,
      disputed: timeline.appealOrMediationBeforePlan,
      withViews: hasViews(timeline.views, ['assessment', 'draft'], null, issuedOn),
    });
  const decidedOn = timeline.assessmentDecidedOn;
  if (decidedOn !== null)
    facts.push({
      team,
      on: decidedOn,
      kind: 'request_decided',
      days: daysBetween(requestReceivedOn, decidedOn),
      refused: timeline.assessmentRefused,
    });
  return [
    ...facts,
    ...timeline.deadlines.flatMap((deadline) => deadlineFacts(team, deadline, timeline.views)),
  ];
}

/**
 * (2nd ed.) CFA s19: whether views of one of `stages` were gathered in (after, through]: for a new
 * plan, any time up to its issue date (the assessment's or the draft's views); for a review, after
 * its clock started and up to the meeting (the views that review could hear).
 */
function hasViews(
  views: CaseTimeline['views'],
  stages: readonly ViewsStage[],
  after: string | null,
  through: string,
): boolean {
  return views.some(
    (v) => stages.includes(v.stage) && (after === null || v.gatheredOn > after) && v.gatheredOn <= through,
  );
}

/**
 * A review or transfer deadline is due on its due date unless it was cancelled by then (the plan
 * ceased or the case closed before it fell due); met on time when met on or before it. A review
 * decision is dated by the day it was made; (2nd ed.) a review held by its meeting (the day its
 * annual_review deadline was met).
 */
function deadlineFacts(team: string, deadline: Sen2Deadline, views: CaseTimeline['views']): Sen2Fact[] {
  const { kind, startsOn, metOn } = deadline;
  switch (kind) {
    case 'annual_review':
      // (2nd ed.) A review held is dated by its meeting, whenever it fell due.
      return [
        ...dueFacts(team, deadline, 'review_due'),
        ...(metOn === null
          ? []
          : [
              {
                team,
                on: metOn,
                kind: 'review_held' as const,
                withViews: hasViews(views, ['review'], startsOn, metOn),
              },
            ]),
      ];
    case 'phase_transfer':
      return dueFacts(team, deadline, 'phase_transfer_due');
    case 'review_decision':
      return metOn === null
        ? []
        : [{ team, on: metOn, kind: 'review_decided', days: daysBetween(startsOn, metOn) }];
    default:
      return assertNever(kind);
  }
}

function dueFacts(
  team: string,
  { dueOn, metOn, cancelledOn }: Sen2Deadline,
  kind: 'review_due' | 'phase_transfer_due',
): Sen2Fact[] {
  if (cancelledOn !== null && cancelledOn <= dueOn) return [];
  return [{ team, on: dueOn, kind, metOnTime: metOn !== null && metOn <= dueOn }];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutablePlanCounts = Mutable<Sen2PlanCounts>;
type MutableCounts = Mutable<Omit<Sen2Counts, 'plans' | 'plansEx'>> & {
  plans: MutablePlanCounts;
  plansEx: MutablePlanCounts;
};

function countsOf(facts: readonly Sen2Fact[]): Sen2Counts {
  const counts: MutableCounts = {
    ...NO_SEN2_COUNTS,
    plans: { ...NO_SEN2_COUNTS.plans },
    plansEx: { ...NO_SEN2_COUNTS.plansEx },
  };
  for (const fact of facts) count(counts, fact);
  return counts;
}

function count(counts: MutableCounts, fact: Sen2Fact): void {
  switch (fact.kind) {
    case 'plan':
      // A plan on a disputed path is left out of every plan measure, and counted as left out.
      if (fact.disputed) counts.plansExcludedAppeal += 1;
      else {
        countPlan(counts.plans, fact.days);
        if (fact.withViews) counts.plansWithViews += 1;
        if (!fact.exceptionApplies) countPlan(counts.plansEx, fact.days);
      }
      return;
    case 'request_decided':
      counts.requestsDecided += 1;
      if (fact.days <= SEN2_DAYS.requestDecision) counts.requestsDecidedWithin6Weeks += 1;
      if (fact.refused) counts.requestsRefused += 1;
      return;
    case 'review_due':
      counts.reviewsDue += 1;
      if (fact.metOnTime) counts.reviewsCompletedOnTime += 1;
      return;
    case 'review_decided':
      counts.reviewDecisions += 1;
      if (fact.days <= SEN2_DAYS.reviewDecision) counts.reviewDecisionsWithin4Weeks += 1;
      return;
    case 'phase_transfer_due':
      counts.phaseTransfersDue += 1;
      if (fact.metOnTime) counts.phaseTransfersMet += 1;
      return;
    case 'review_held':
      counts.reviewsHeld += 1;
      if (fact.withViews) counts.reviewsHeldWithViews += 1;
      return;
    default:
      return assertNever(fact);
  }
}

function countPlan(plans: MutablePlanCounts, days: number): void {
  plans.issued += 1;
  plans.days += days;
  if (days <= SEN2_DAYS.within20Weeks) plans.within20Weeks += 1;
  else if (days <= SEN2_DAYS.withinAYear) plans.gt20WeeksLtYear += 1;
  else plans.gt1Year += 1;
}
