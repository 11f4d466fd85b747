import { EHCP_CASE_EVENT_TYPES, type CaseTimeline, type ChildViews, type Deadline } from '@ehcp/domain';
import type { CaseViewsEntity } from '../schema/case-views.entity';
import type { ProjectedTable } from './projected-table';
import { NO_CHANGES, sameRow, type CaseChange, type Projection } from './projection.types';

export type CaseViewsRow = Readonly<CaseViewsEntity>;

/** case_views.id: the domain's views id is unique within its case only. */
export function viewsRowId(caseId: string, viewsId: string): string {
  return `${caseId}/${viewsId}`;
}

export const CASE_VIEWS_TABLE: ProjectedTable<CaseViewsRow> = {
  name: 'case_views',
  key: 'id',
  caseKey: 'caseId',
  columns: {
    id: 'text',
    caseId: 'text',
    team: 'text',
    viewsId: 'text',
    stage: 'text',
    method: 'text',
    gatheredOn: 'date',
    planCountedOn: 'date',
    reviewCountedOn: 'date',
  },
};

/** The stages whose views count for a new plan (CFA s19: the assessment's and the draft's). */
const PLAN_STAGES: readonly ChildViews['stage'][] = ['assessment', 'draft'];

/**
 * One row per record of `state.views` (never the summary), diffed against the case's rows after each
 * event: a corrected record is written again as it now stands, a voided one goes, a case moved to
 * another team takes its rows with it, and a plan issued or a review completed later marks the
 * record that counts for it. Every event type, for those reasons.
 */
export const caseViewsProjection: Projection<CaseViewsRow> = {
  table: CASE_VIEWS_TABLE,
  handles: EHCP_CASE_EVENT_TYPES,
  project(rows, change) {
    // Most events meet a case without views: nothing to compare (a rebuild asks on every event).
    if (rows.length === 0 && change.after.views.length === 0) return NO_CHANGES;
    // Each row matched by a scan, not looked up in a map of them: a case has a few records, and this
    // runs on every event of one (a map hashed every row's id and every new one's).
    const matched = new Array<boolean>(rows.length).fill(false);
    const upserts: CaseViewsRow[] = [];
    for (const next of rowsOf(change)) {
      const at = unmatchedRowOf(rows, matched, next.id);
      if (at !== -1) matched[at] = true;
      if (at === -1 || !sameRow(rows[at], next)) upserts.push(next);
    }
    return { upserts, deletes: rows.filter((_, at) => !matched[at]).map((row) => row.id), alerts: [] };
  },
};

/** The position of the row with id `id` not matched yet, or -1. */
function unmatchedRowOf(rows: readonly CaseViewsRow[], matched: readonly boolean[], id: string): number {
  for (let at = 0; at < rows.length; at += 1) if (!matched[at] && rows[at].id === id) return at;
  return -1;
}

/**
 * The case's rows. SEN2's "with views" measures are counted in SQL from an index of these rows, not
 * by asking case_views once per plan or review (600,000 cases): the first record gathered in time
 * for the case's new plan carries the plan's issue date (plan_counted_on), and the first gathered in
 * time for each annual review held carries the day it was held (review_counted_on). The rules are
 * the domain's SEN2 rules (sen2.calculator.ts); the SQL-equals-calculator tests hold them equal.
 */
function rowsOf({ caseId, after, deadlines, timeline }: CaseChange): CaseViewsRow[] {
  if (after.views.length === 0) return [];
  // Earliest first, so the record that counts does not depend on the order they were recorded in.
  // A single record is not copied to be sorted (asked on every event of a case with views).
  const views =
    after.views.length < 2
      ? after.views
      : [...after.views].sort(
          (a, b) => a.gatheredOn.localeCompare(b.gatheredOn) || a.viewsId.localeCompare(b.viewsId),
        );
  const plan = newPlanIssuedOn(timeline);
  const planViews =
    plan === null ? undefined : views.find((v) => PLAN_STAGES.includes(v.stage) && v.gatheredOn <= plan);
  const reviewViews = reviewsCountedBy(views, deadlines);
  return views.map(({ viewsId, gatheredOn, method, stage }) => ({
    id: viewsRowId(caseId, viewsId),
    caseId,
    team: after.team,
    viewsId,
    stage,
    method,
    gatheredOn,
    planCountedOn: planViews?.viewsId === viewsId ? plan : null,
    reviewCountedOn: reviewViews.get(viewsId) ?? null,
  }));
}

/** The issue date of the case's new plan as SEN2 counts it (plans_issued_den), or null. */
function newPlanIssuedOn(timeline: CaseTimeline | null): string | null {
  if (!timeline?.openedByRequest || timeline.appealOrMediationBeforePlan) return null;
  return timeline.firstFinalPlanIssuedOn;
}

/**
 * viewsId -> the day an annual review was held (its deadline met), for the first review views
 * gathered after its period began and by that day. The periods follow one another (each starts the
 * day the one before was met), so a record falls in one period at most.
 */
function reviewsCountedBy(views: readonly ChildViews[], deadlines: readonly Deadline[]): Map<string, string> {
  const counted = new Map<string, string>();
  for (const { kind, startsOn, metOn } of deadlines) {
    if (kind !== 'annual_review' || metOn === null) continue;
    const first = views.find(
      (v) =>
        v.stage === 'review' && v.gatheredOn > startsOn && v.gatheredOn <= metOn && !counted.has(v.viewsId),
    );
    if (first) counted.set(first.viewsId, metOn);
  }
  return counted;
}
