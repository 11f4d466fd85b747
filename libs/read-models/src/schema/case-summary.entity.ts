import type { CaseStage, Requester } from '@ehcp/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from './column-transformers';

/** One row per case: the case screen, the work tray (by next open due date) and SEN2's new plans. */
@Entity('case_summary')
export class CaseSummaryEntity {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ type: 'text' })
  team!: string;

  @Column({ name: 'caseworker_id', type: 'text', nullable: true })
  caseworkerId!: string | null;

  @Column({ type: 'text' })
  stage!: CaseStage;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: Requester;

  @Column({ name: 'request_received_on', type: 'date' })
  requestReceivedOn!: string;

  /** The child's name and date of birth: the only personal data of the read models; null once erased. */
  @Column({ name: 'child_first_name', type: 'text', nullable: true })
  childFirstName!: string | null;

  @Column({ name: 'child_last_name', type: 'text', nullable: true })
  childLastName!: string | null;

  @Column({ name: 'child_date_of_birth', type: 'date', nullable: true })
  childDateOfBirth!: string | null;

  @Column({ name: 'first_final_plan_issued_on', type: 'date', nullable: true })
  firstFinalPlanIssuedOn!: string | null;

  @Column({ name: 'final_plan_exception_applies', type: 'boolean' })
  finalPlanExceptionApplies!: boolean;

  /** SEN2: only the plan of a case opened by a request is new (a plan transferred in is not). */
  @Column({ name: 'opened_by_request', type: 'boolean' })
  openedByRequest!: boolean;

  /** SEN2: an appeal or mediation on the path to the first final plan leaves it out of the measures. */
  @Column({ name: 'appeal_or_mediation_before_plan', type: 'boolean' })
  appealOrMediationBeforePlan!: boolean;

  /** SEN2: the decision whether to assess the request (the first one), and whether it refused. */
  @Column({ name: 'assessment_decided_on', type: 'date', nullable: true })
  assessmentDecidedOn!: string | null;

  @Column({ name: 'assessment_refused', type: 'boolean' })
  assessmentRefused!: boolean;

  /** The day the (first) draft plan was issued: the dashboard's median days to the draft. */
  @Column({ name: 'draft_issued_on', type: 'date', nullable: true })
  draftIssuedOn!: string | null;

  /**
   * (2nd ed.) The day the plan ceases under a decision to cease (the domain's ceasesOnOf), or null:
   * none pending, or an appeal against it still open. The stored stage stays `ceasing`; on or after
   * this day the queries show `ceased`.
   */
  @Column({ name: 'ceases_on', type: 'date', nullable: true })
  ceasesOn!: string | null;

  /** case_deadline.id of the open deadline due first, or null when none is open. */
  @Column({ name: 'next_deadline_id', type: 'text', nullable: true })
  nextDeadlineId!: string | null;

  @Column({ name: 'next_due_on', type: 'date', nullable: true })
  nextDueOn!: string | null;

  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  revision!: number;
}
