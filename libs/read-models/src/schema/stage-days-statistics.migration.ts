import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's "where the weeks go" (DashboardQuery.stages) counts new plans by team and whole days
 * from the request to each stage, in one statement with three grouping sets. Without statistics on
 * those day counts the planner guesses tens of thousands of groups, and sorts every plan rather than
 * hash them into the few thousand there are. Extended statistics on each expression with the team tell
 * it. (A rebuild's shadow tables copy them: `including statistics`.) Written out here rather than taken
 * from the code: a shipped migration never changes.
 */
export class StageDaysStatistics1798210000000 implements MigrationInterface {
  readonly name = 'StageDaysStatistics1798210000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`create statistics case_summary_days_to_decision
                      on (assessment_decided_on - request_received_on), team from case_summary`);
    await db.query(`create statistics case_summary_days_to_draft
                      on (draft_issued_on - request_received_on), team from case_summary`);
    await db.query(`create statistics case_summary_days_to_final
                      on (first_final_plan_issued_on - request_received_on), team from case_summary`);
    await db.query('analyze case_summary');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop statistics case_summary_days_to_decision, case_summary_days_to_draft,
                      case_summary_days_to_final`);
  }
}
