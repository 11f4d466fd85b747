import { deadlinesOf } from '../deadlines/deadline.calculator';
import { FINAL_PLAN_WEEKS } from '../deadlines/deadline.rules';
import type { EhcpCaseState } from '../ehcp-case/ehcp-case.state';
import { caseExists } from '../ehcp-case/ehcp-case.state';
import { daysBetween, plusDays } from '../shared/local-date';
import { oneDecimal, percentage } from '../shared/ratio';
import { LocalDate } from '@js-joda/core';

// DfE SEN2 timeliness measures (DOMAIN.md "Timeliness statistics"). Only new plans count: a case's
// first final plan, never amended plans, counted in the period of the final plan's issue date.

/** DfE: "within 20 weeks" is R + 140 days, whatever the council's own counting switch. */
const WITHIN_20_WEEKS_DAYS = 7 * FINAL_PLAN_WEEKS;
/** DfE SEN2 band: plans issued over 20 weeks but within a year (52 weeks) of the request. */
const WITHIN_A_YEAR_DAYS = 364;

/** What SEN2 needs from one case. */
export interface CaseTimeline {
  readonly team: string;
  readonly requestReceivedOn: string;
  readonly firstFinalPlanIssuedOn: string | null;
  /** Whether an exception applies to the case's final_plan deadline (from deadlinesOf). */
  readonly finalPlanExceptionApplies: boolean;
}

/** Inclusive period of issue dates, optionally limited to one team. */
export interface Sen2Period {
  readonly from: string;
  readonly to: string;
  readonly team?: string | null;
}

/** The DfE dataset's fields. Percentages and averages have one decimal and are null with no plans. */
export interface Sen2Figures {
  readonly plans_issued_den: number;
  readonly plans_issued_within_20_weeks: number;
  readonly pc_plans_issued_within_20_weeks: number | null;
  readonly plans_issued_den_ex: number;
  readonly plans_issued_20_weeks_ex: number;
  readonly pc_plans_issued_20_weeks_ex: number | null;
  readonly plans_issued_gt20weeks_ltyear: number;
  readonly plans_issued_gt_1_year: number;
  readonly avg_weeks_issue_plan: number | null;
  readonly avg_weeks_issue_plan_exc: number | null;
}

/** The SEN2 timeline of a case, or null before its request. */
export function timelineOf(state: EhcpCaseState): CaseTimeline | null {
  if (!caseExists(state)) return null;
  const finalPlan = deadlinesOf(state).find((deadline) => deadline.kind === 'final_plan');
  return {
    team: state.team,
    requestReceivedOn: state.requestReceivedOn,
    firstFinalPlanIssuedOn: state.finalPlan?.issuedOn ?? null,
    finalPlanExceptionApplies: finalPlan?.exceptionApplies ?? false,
  };
}

interface IssuedPlan {
  readonly daysToIssue: number;
  readonly exceptionApplies: boolean;
}

/** Every SEN2 field for the new plans issued in [from, to] (and the team, when given). */
export function sen2Of(timelines: readonly CaseTimeline[], period: Sen2Period): Sen2Figures {
  const plans = timelines.flatMap((timeline): IssuedPlan[] => {
    const issuedOn = timeline.firstFinalPlanIssuedOn;
    if (issuedOn === null || issuedOn < period.from || issuedOn > period.to) return [];
    if (period.team != null && timeline.team !== period.team) return [];
    const daysToIssue = daysBetween(timeline.requestReceivedOn, issuedOn);
    return [{ daysToIssue, exceptionApplies: timeline.finalPlanExceptionApplies }];
  });
  const withoutExceptions = plans.filter((plan) => !plan.exceptionApplies);
  const onTime = (list: readonly IssuedPlan[]) =>
    list.filter((p) => p.daysToIssue <= WITHIN_20_WEEKS_DAYS).length;
  const averageWeeks = (list: readonly IssuedPlan[]) =>
    oneDecimal(
      list.reduce((sum, plan) => sum + plan.daysToIssue, 0),
      7 * list.length,
    );
  return {
    plans_issued_den: plans.length,
    plans_issued_within_20_weeks: onTime(plans),
    pc_plans_issued_within_20_weeks: percentage(onTime(plans), plans.length),
    plans_issued_den_ex: withoutExceptions.length,
    plans_issued_20_weeks_ex: onTime(withoutExceptions),
    pc_plans_issued_20_weeks_ex: percentage(onTime(withoutExceptions), withoutExceptions.length),
    plans_issued_gt20weeks_ltyear: plans.filter(
      (p) => p.daysToIssue > WITHIN_20_WEEKS_DAYS && p.daysToIssue <= WITHIN_A_YEAR_DAYS,
    ).length,
    plans_issued_gt_1_year: plans.filter((p) => p.daysToIssue > WITHIN_A_YEAR_DAYS).length,
    avg_weeks_issue_plan: averageWeeks(plans),
    avg_weeks_issue_plan_exc: averageWeeks(withoutExceptions),
  };
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
