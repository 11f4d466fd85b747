import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The one checkpoint of the read models: every projection is applied in the same batch. */
export const CHECKPOINT_NAME = 'read-models';

/** How far the projections have read the global log: written in the transaction of every batch. */
@Entity('projection_checkpoint')
export class ProjectionCheckpointEntity {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  /** The event store position of the last applied event (opaque), or null before the first. */
  @Column({ type: 'text', nullable: true })
  position!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
