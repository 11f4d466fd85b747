import type { PhaseTransfer } from '../ehcp-case/ehcp-case.state';
import type { AdviceSource, ExceptionReason, YearTransferKind } from '../ehcp-case/ehcp-case.vocabulary';
import { minDate, plusDays, plusMonths } from '../shared/local-date';
import type { DeadlineCounting, DeadlineKind, OrderDeadlineKind } from './deadline.types';
import type { AppealSubject } from '../ehcp-case/ehcp-case.vocabulary';

// DOMAIN.md's deadline table as data. "Within N weeks of X" ends on X + 7N (legal counting).

/** SEND Regs 2014 reg 5(1): decide whether to assess within 6 weeks of the request. */
export const DECISION_TO_ASSESS_WEEKS = 6;
/** SEND Regs 2014 reg 8(1): advice is provided within 6 weeks of the request for it. */
export const ADVICE_WEEKS = 6;
/** SEND Regs 2014 reg 10(1): notify the decision whether to issue a plan within 16 weeks of the request. */
export const PLAN_DECISION_WEEKS = 16;
/** SEND Regs 2014 reg 13(2): the final plan is issued within 20 weeks of the request. */
export const FINAL_PLAN_WEEKS = 20;
/** SEND Code of Practice 2015 para 9.83 (guidance): a consulted institution responds within 15 days. */
export const CONSULTATION_RESPONSE_DAYS = 15;
/** SEND Regs 2014 reg 20(10) / reg 21: the review decision is notified within 4 weeks of the meeting. */
export const REVIEW_DECISION_WEEKS = 4;
/**
 * SEND Regs 2014 reg 22(2), read with reg 20(10) / 21 as in R (L, M and P) v Devon CC [2022] EWHC 493
 * (Admin): a review decided "amend" has its amendment notice served with the decision, within 4
 * weeks of the review meeting.
 */
export const AMENDMENT_NOTICE_WEEKS = 4;
/** SEND Regs 2014 reg 22(3): the amended plan is issued within 8 weeks of the amendment notice. */
export const AMENDED_PLAN_WEEKS = 8;
/**
 * SEND Regs 2014 reg 13(1) (draft plan) and reg 22(2)(c) (amendment notice): representations may be
 * made for at least 15 days beginning with the day of service, i.e. D .. D + 14.
 */
export const REPRESENTATION_WINDOW_DAYS = 15;
/**
 * SEND Regs 2014 reg 18(1): the plan is reviewed and amended before 15 February of the transfer year
 * (school phases) or before 31 March (secondary school to post-16); "before" excludes the day itself.
 */
export const PHASE_TRANSFER_LAST_DAY: { readonly [K in YearTransferKind]: string } = {
  school_phase: '02-14',
  post16: '03-30',
};
/**
 * DOMAIN.md (2nd ed.), reg 18(1): the review that meets a transfer of year Y is one of the academic
 * year before it, so an amended plan or a "maintain" decision counts from 1 September of Y - 1.
 */
export const PHASE_TRANSFER_WINDOW_OPENS = '09-01';
/** SEND Regs 2014 reg 18(2): between post-16 institutions, the plan is reviewed at least 5 months before the transfer. */
export const POST16_TRANSFER_MONTHS_BEFORE = 5;
/** DOMAIN.md (2nd ed.), reg 18(2): an amended plan or a "maintain" decision counts from T - 12 months. */
export const POST16_TRANSFER_WINDOW_MONTHS = 12;
/** SEND Regs 2014 reg 15(4): after a transfer in, the family is told within 6 weeks whether the LA will assess. */
export const TRANSFER_NOTICE_WEEKS = 6;
/**
 * SEND Regs 2014 reg 15(5): the first review of a transferred-in plan is due within 12 months of the
 * plan being made or last reviewed, or within 3 months of the transfer, whichever is later.
 */
export const TRANSFER_REVIEW_MONTHS = 12;
export const TRANSFER_REVIEW_MIN_MONTHS_AFTER_TRANSFER = 3;
/**
 * SEND Regs 2014 reg 25: the decision whether to re-assess. The regulation says "within 15 days"
 * of the request, as council and SENDIASS guidance read it: calendar days (no day-one switch).
 */
export const REASSESSMENT_DECISION_DAYS = 15;
/** SEND Regs 2014 reg 27(2): the re-assessment ends within 14 weeks of the notice to re-assess. */
export const REASSESSMENT_PLAN_WEEKS = 14;
/**
 * SEND Regs 2014 reg 44(2) (and reg 45 for a concession): the weeks from the order (or the LA's
 * notice that it will not oppose) within which each step is due, per decision appealed.
 */
export const ORDER_WEEKS: {
  readonly [S in Exclude<AppealSubject, 'cessation'>]: { readonly [K in OrderDeadlineKind]?: number };
} = {
  // An order to assess: tell the family it will assess in 2 weeks, decide in 10, final plan in 14.
  refusal_to_assess: { order_assessment_notice: 2, order_plan_decision: 10, order_final_plan: 14 },
  refusal_to_reassess: { order_assessment_notice: 2, order_plan_decision: 10, order_final_plan: 14 },
  // An order to make and maintain a plan: a draft in 5 weeks, the final plan in 11.
  not_issue: { order_draft_plan: 5, order_final_plan: 11 },
  // An order to amend the plan's contents: the amended plan in 5 weeks.
  plan_contents: { order_amended_plan: 5 },
  // An order on the placement (section I) only: the amended plan in 2 weeks.
  placement: { order_amended_plan: 2 },
};
/**
 * (2nd ed.) CFA s45, reg 31 and DOMAIN.md "Cessation": a plan under a decision to cease is
 * maintained until the appeal period ends: it ceases on D + 2 months + 1 day when no appeal against
 * the cessation is recorded.
 */
export const CESSATION_APPEAL_MONTHS = 2;
/** SEND Regs 2014 reg 10(4)(d) and reg 8(2)(b): absence from the area counts for 4+ continuous weeks. */
export const ABSENCE_FROM_AREA_MIN_DAYS = 28;
/** SEND Regs 2014 reg 44(3): for a Tribunal order's deadlines, absence counts for 2+ continuous weeks. */
export const ORDER_ABSENCE_FROM_AREA_MIN_DAYS = 14;
/**
 * How many days of an absence from the area must fall inside a deadline's statutory period, per kind
 * to which `absence_from_area` applies (DOMAIN.md "When an exception applies", point 3): 4 continuous
 * weeks under reg 5(4)(d), 8(2)(b), 10(4)(d) and 13(3); reg 44(3) will give the order_* kinds 2 weeks.
 */
export const ABSENCE_FROM_AREA_MIN_DAYS_BY_KIND: { readonly [K in DeadlineKind]?: number } = {
  decision_to_assess: ABSENCE_FROM_AREA_MIN_DAYS,
  advice: ABSENCE_FROM_AREA_MIN_DAYS,
  plan_decision: ABSENCE_FROM_AREA_MIN_DAYS,
  final_plan: ABSENCE_FROM_AREA_MIN_DAYS,
  // reg 27(3) applies reg 10(4)'s list to the re-assessment.
  reassessment_plan: ABSENCE_FROM_AREA_MIN_DAYS,
  order_assessment_notice: ORDER_ABSENCE_FROM_AREA_MIN_DAYS,
  order_plan_decision: ORDER_ABSENCE_FROM_AREA_MIN_DAYS,
  order_draft_plan: ORDER_ABSENCE_FROM_AREA_MIN_DAYS,
  order_final_plan: ORDER_ABSENCE_FROM_AREA_MIN_DAYS,
  order_amended_plan: ORDER_ABSENCE_FROM_AREA_MIN_DAYS,
};
/** SEND Regs 2014 reg 10(4)(a), (b): the setting is closed "for a continuous period of not less than 4 weeks". */
export const CLOSURE_MIN_DAYS = 28;
/**
 * SEND Regs 2014 reg 10(4)(a), (b): the advice was requested "during a period beginning one week
 * before" the closure "and ending one week before the date on which it re-opens".
 */
export const CLOSURE_ADVICE_WINDOW_DAYS = 7;
/** reg 10(4)(a): a school or post-16 institution; (b): an early-years provider. */
export const CLOSURE_ADVICE_SOURCES: {
  readonly [R in 'institution_closure' | 'early_years_closure']: readonly AdviceSource[];
} = {
  institution_closure: ['educational', 'post16'],
  early_years_closure: ['early_years'],
};
/** DOMAIN.md: "due soon" while 0 to 14 days remain (the largest alert offset). */
export const DUE_SOON_DAYS = 14;

/** Citation of each deadline's rule, carried on every deadline. */
export const DEADLINE_RULES: { readonly [K in DeadlineKind]: string } = {
  decision_to_assess: 'SEND Regs 2014 reg 5(1)',
  advice: 'SEND Regs 2014 reg 8(1)',
  plan_decision: 'SEND Regs 2014 reg 10(1)',
  final_plan: 'SEND Regs 2014 reg 13(2)',
  consultation_response: 'SEND Code of Practice 2015 para 9.83 (guidance)',
  annual_review: 'Children and Families Act 2014 s44(1)',
  review_decision: 'SEND Regs 2014 reg 20(10) / reg 21',
  amendment_notice: 'SEND Regs 2014 reg 22(2); R (L, M and P) v Devon CC [2022] EWHC 493 (Admin)',
  amended_plan: 'SEND Regs 2014 reg 22(3)',
  phase_transfer: 'SEND Regs 2014 reg 18(1)',
  post16_transfer: 'SEND Regs 2014 reg 18(2)',
  reassessment_decision: 'SEND Regs 2014 reg 25 (15 days, as council and SENDIASS guidance read it)',
  reassessment_plan: 'SEND Regs 2014 reg 27(2)',
  transfer_notice: 'SEND Regs 2014 reg 15(4)',
  order_assessment_notice: 'SEND Regs 2014 reg 44(2); reg 45',
  order_plan_decision: 'SEND Regs 2014 reg 44(2); reg 45',
  order_draft_plan: 'SEND Regs 2014 reg 44(2); reg 45',
  order_final_plan: 'SEND Regs 2014 reg 44(2); reg 45',
  order_amended_plan: 'SEND Regs 2014 reg 44(2); reg 45',
};

/** reg 10(4) (a)-(d), shared by reg 5(4), 13(3), 27(3) and (with 2 weeks' absence) reg 44(3). */
const REG_10_4_REASONS: readonly ExceptionReason[] = [
  'institution_closure',
  'early_years_closure',
  'exceptional_personal_circumstances',
  'absence_from_area',
];

/**
 * Which exception reasons can apply to which deadline. reg 5(4), reg 10(4) and reg 13(3) share the
 * list (a) institution closure, (b) early-years closure, (c) exceptional personal circumstances,
 * (d) absence from the area; reg 8(2) has (a) personal circumstances, (b) absence, (c) a missed
 * appointment. The other deadlines have no exceptions.
 */
export const EXCEPTION_REASONS_BY_KIND: { readonly [K in DeadlineKind]: readonly ExceptionReason[] } = {
  decision_to_assess: [
    'institution_closure',
    'early_years_closure',
    'exceptional_personal_circumstances',
    'absence_from_area',
  ],
  advice: ['exceptional_personal_circumstances', 'absence_from_area', 'missed_appointment'],
  plan_decision: [
    'institution_closure',
    'early_years_closure',
    'exceptional_personal_circumstances',
    'absence_from_area',
  ],
  final_plan: [
    'institution_closure',
    'early_years_closure',
    'exceptional_personal_circumstances',
    'absence_from_area',
  ],
  consultation_response: [],
  annual_review: [],
  review_decision: [],
  amendment_notice: [],
  amended_plan: [],
  phase_transfer: [],
  post16_transfer: [],
  reassessment_decision: [],
  reassessment_plan: REG_10_4_REASONS,
  transfer_notice: [],
  order_assessment_notice: REG_10_4_REASONS,
  order_plan_decision: REG_10_4_REASONS,
  order_draft_plan: REG_10_4_REASONS,
  order_final_plan: REG_10_4_REASONS,
  order_amended_plan: REG_10_4_REASONS,
};

/** "Within N weeks of start": start + 7N, or start + 7N - 1 when the council counts the start as day 1. */
export function weeksAfter(start: string, weeks: number, counting: DeadlineCounting): string {
  return plusDays(start, 7 * weeks - (counting === 'day_one' ? 1 : 0));
}

/** The last day of the representation window that begins with the day of service. */
export function representationWindowEnds(servedOn: string): string {
  return plusDays(servedOn, REPRESENTATION_WINDOW_DAYS - 1);
}

export function phaseTransferDueOn(kind: YearTransferKind, transferYear: number): string {
  return `${yearText(transferYear)}-${PHASE_TRANSFER_LAST_DAY[kind]}`;
}

/** What reg 18 asks of a planned transfer: its deadline kind, due date and the window a review counts in. */
export interface TransferRule {
  readonly kind: 'phase_transfer' | 'post16_transfer';
  readonly dueOn: string;
  /** An amended plan or a "maintain" decision dated on or after this day meets the transfer. */
  readonly windowOpensOn: string;
}

export function transferRuleOf(transfer: PhaseTransfer): TransferRule {
  if (transfer.kind === 'post16_institution') {
    return {
      kind: 'post16_transfer',
      dueOn: plusMonths(transfer.transferOn, -POST16_TRANSFER_MONTHS_BEFORE),
      windowOpensOn: plusMonths(transfer.transferOn, -POST16_TRANSFER_WINDOW_MONTHS),
    };
  }
  return {
    kind: 'phase_transfer',
    dueOn: phaseTransferDueOn(transfer.kind, transfer.transferYear),
    windowOpensOn: `${yearText(transfer.transferYear - 1)}-${PHASE_TRANSFER_WINDOW_OPENS}`,
  };
}

/**
 * A transfer's clock starts the day it is recorded, or with its window if it was recorded later
 * (facts are entered after they happen: a transfer backfilled from paper ran from its window).
 */
export function transferStartsOn(transfer: PhaseTransfer): string {
  return minDate(transfer.plannedOn, transferRuleOf(transfer).windowOpensOn);
}

function yearText(year: number): string {
  return String(year).padStart(4, '0');
}
