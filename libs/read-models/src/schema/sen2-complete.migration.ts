import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The SEN2 covering indexes of new plans, as the first migration made them. */
const NEW_PLANS_BEFORE = [
  `create index case_summary_new_plans on case_summary (first_final_plan_issued_on)
     include (team, request_received_on, final_plan_exception_applies)
     where first_final_plan_issued_on is not null`,
  `create index case_summary_team_new_plans on case_summary (team, first_final_plan_issued_on)
     include (request_received_on, final_plan_exception_applies)
     where first_final_plan_issued_on is not null`,
];

/**
 * SEN2 complete (DOMAIN.md 2nd ed.): case_summary learns which plans are new (opened by a request,
 * no appeal or mediation on the path) and the decision whether to assess; the review, decision and
 * transfer measures read case_deadline by kind and date. Existing rows are filled from the fold the
 * projector keeps (case_state), and that fold gets the state's two new fields with their defaults,
 * so the figures are right before any rebuild (which recomputes all of it from the events anyway).
 * Written out here rather than taken from the code: a shipped migration never changes.
 */
export class Sen2Complete1797724800000 implements MigrationInterface {
  readonly name = 'Sen2Complete1797724800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `alter table case_summary
         add column opened_by_request boolean not null default true,
         add column appeal_or_mediation_before_plan boolean not null default false,
         add column assessment_decided_on date,
         add column assessment_refused boolean not null default false`,
    );
    await db.query(`
      update case_state
         set state = state || '{"openedByRequest": true, "appealsAndMediationsStartedOn": []}'::jsonb
       where state->>'stage' <> 'none' and not state ? 'openedByRequest'`);
    // The first decision whether to assess met decision_to_assess; a later one reversed a refusal.
    await db.query(`
      update case_summary s
         set assessment_decided_on = (c.state #>> '{assessmentDecisions,0,decidedOn}')::date,
             assessment_refused = coalesce(c.state #>> '{assessmentDecisions,0,decision}' = 'refuse', false)
        from case_state c
       where c.case_id = s.case_id`);
    // New plans by issue date, still covering every column the figures read (index-only scans).
    await db.query('drop index case_summary_new_plans, case_summary_team_new_plans');
    await db.query(`
      create index case_summary_new_plans on case_summary (first_final_plan_issued_on)
        include (team, request_received_on, final_plan_exception_applies, opened_by_request,
                 appeal_or_mediation_before_plan)
        where first_final_plan_issued_on is not null`);
    await db.query(`
      create index case_summary_team_new_plans on case_summary (team, first_final_plan_issued_on)
        include (request_received_on, final_plan_exception_applies, opened_by_request,
                 appeal_or_mediation_before_plan)
        where first_final_plan_issued_on is not null`);
    await db.query(`
      create index case_summary_assessment_decisions on case_summary (assessment_decided_on)
        include (team, request_received_on, assessment_refused)
        where assessment_decided_on is not null`);
    // Reviews and transfers due, by kind and due date; review decisions by the day they were made.
    await db.query('create index case_deadline_kind_due on case_deadline (kind, due_on)');
    await db.query(
      'create index case_deadline_kind_met on case_deadline (kind, met_on) where met_on is not null',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop index case_deadline_kind_met, case_deadline_kind_due');
    await db.query(
      'drop index case_summary_assessment_decisions, case_summary_new_plans, case_summary_team_new_plans',
    );
    for (const definition of NEW_PLANS_BEFORE) await db.query(definition);
    await db.query(
      `alter table case_summary
         drop column opened_by_request, drop column appeal_or_mediation_before_plan,
         drop column assessment_decided_on, drop column assessment_refused`,
    );
    await db.query(
      `update case_state set state = state - 'openedByRequest' - 'appealsAndMediationsStartedOn'`,
    );
  }
}
