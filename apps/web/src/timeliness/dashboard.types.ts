// The answer of the api's GET /timeliness/dashboard (apps/api dashboard.dto.ts), as the page reads it.

export interface MonthlyRate {
  readonly month: string;
  readonly plans_issued_den: number;
  readonly plans_issued_within_20_weeks: number;
  readonly pc_plans_issued_within_20_weeks: number | null;
}

/** The SEN2 fields the page shows (the api sends them all). */
export interface Sen2Figures {
  readonly plans_issued_den: number;
  readonly plans_issued_within_20_weeks: number;
  readonly pc_plans_issued_within_20_weeks: number | null;
  readonly pc_plans_issued_20_weeks_ex: number | null;
  readonly plans_issued_gt20weeks_ltyear: number;
  readonly plans_issued_gt_1_year: number;
  readonly avg_weeks_issue_plan: number | null;
  readonly plans_excluded_appeal: number;
  readonly requests_decided: number;
  readonly pc_requests_decided_within_6_weeks: number | null;
  readonly reviews_due: number;
  readonly pc_reviews_completed_on_time: number | null;
  /** Children's views (issue 17): new plans whose case recorded them before the plan was issued. */
  readonly plans_issued_with_views: number;
  readonly pc_plans_issued_with_views: number | null;
  /** Annual reviews held (met) in the period, and those with the child's views gathered for them. */
  readonly reviews_held: number;
  readonly reviews_held_with_views: number;
  readonly pc_reviews_held_with_views: number | null;
}

export interface AdviceOnTime {
  readonly source: string;
  readonly due: number;
  readonly met_on_time: number;
  readonly pc_met_on_time: number | null;
}

export interface Stages {
  readonly plans_issued: number;
  readonly median_days_to_decision: number | null;
  readonly median_days_to_draft: number | null;
  readonly median_days_to_final: number | null;
  readonly advice: readonly AdviceOnTime[];
}

export interface DeadlineCounts {
  readonly kind: string;
  readonly title: string;
  readonly team: string;
  readonly due_soon: number;
  readonly overdue: number;
}

export interface EnglandRate {
  readonly year: number;
  readonly pcPlansIssuedWithin20Weeks: number;
  readonly pcPlansIssuedWithin20WeeksEx: number | null;
  readonly plansIssued: number | null;
}

export interface QaSummary {
  readonly audits: number;
  readonly goodOrBetterPct: number | null;
  readonly grades: {
    readonly outstanding: number;
    readonly good: number;
    readonly requires_improvement: number;
    readonly inadequate: number;
  };
  readonly sections: Readonly<
    Record<string, { readonly averageScore: number | null; readonly inadequate: number }>
  >;
  readonly coveragePct: number | null;
}

export interface Dashboard {
  readonly period: {
    readonly from: string;
    readonly to: string;
    readonly asOf: string;
    readonly teams: string[] | null;
  };
  readonly monthly: {
    readonly from: string;
    readonly teams: readonly { readonly team: string; readonly months: readonly MonthlyRate[] }[];
    readonly total: readonly MonthlyRate[];
  };
  readonly sen2: {
    readonly teams: readonly (Sen2Figures & { readonly team: string })[];
    readonly total: Sen2Figures;
  };
  readonly england: { readonly source: string; readonly rates: readonly EnglandRate[] };
  readonly stages: {
    readonly teams: readonly (Stages & { readonly team: string })[];
    readonly total: Stages;
  };
  readonly deadlines: readonly DeadlineCounts[];
  readonly qa: QaSummary;
}
