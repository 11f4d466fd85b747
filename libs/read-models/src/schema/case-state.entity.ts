import type { EhcpCaseState } from '@ehcp/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from './column-transformers';

/** Each case's folded state (the domain's `evolve`): what the projections derive their rows from. */
@Entity('case_state')
export class CaseStateEntity {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ type: 'jsonb' })
  state!: EhcpCaseState;

  /** The last applied stream revision: events at or below it are replays and are skipped. */
  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  revision!: number;

  /** Events folded in; equals revision + 1 unless an event was applied twice. */
  @Column({ name: 'event_count', type: 'integer' })
  eventCount!: number;

  /**
   * The domain's CASE_STATE_VERSION the state was folded under: an older one is re-folded from the
   * case's events before the next event is folded onto it. Beside the state rather than in it: it
   * says how the row was made, not what the case is.
   */
  @Column({ name: 'state_version', type: 'integer', default: 0 })
  stateVersion!: number;
}
