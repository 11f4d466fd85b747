import type { AuditorRole, PlanVersion, QaGrade } from '@ehcp/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from './column-transformers';

const score = (name: string) => Column({ name, type: 'smallint', nullable: true });

/**
 * One row per QA audit. Sections are stored as Ofsted scores (4 outstanding .. 1 inadequate, null
 * not applicable) so the summary's averages and inadequate counts are plain SQL aggregates.
 */
@Entity('qa_audit')
export class QaAuditEntity {
  /** `<caseId>/<auditId>`: audit ids are chosen per case. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ name: 'audit_id', type: 'text' })
  auditId!: string;

  @Column({ type: 'text' })
  team!: string;

  @Column({ name: 'plan_version', type: 'text' })
  planVersion!: PlanVersion;

  @Column({ name: 'audited_on', type: 'date' })
  auditedOn!: string;

  @Column({ name: 'auditor_role', type: 'text' })
  auditorRole!: AuditorRole;

  @Column({ name: 'overall_grade', type: 'text' })
  overallGrade!: QaGrade;

  @score('score_a') scoreA!: number | null;
  @score('score_b') scoreB!: number | null;
  @score('score_c') scoreC!: number | null;
  @score('score_d') scoreD!: number | null;
  @score('score_e') scoreE!: number | null;
  @score('score_f') scoreF!: number | null;
  @score('score_g') scoreG!: number | null;
  @score('score_h1') scoreH1!: number | null;
  @score('score_h2') scoreH2!: number | null;
  @score('score_i') scoreI!: number | null;
  @score('score_j') scoreJ!: number | null;
  @score('score_k') scoreK!: number | null;

  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  revision!: number;
}
