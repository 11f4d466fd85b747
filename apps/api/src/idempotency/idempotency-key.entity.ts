import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One Idempotency-Key per user: the request it was first used for (method, path, body hash) and,
 * once that request succeeded, its response. A repeat gets the stored response and appends nothing.
 */
@Entity('api_idempotency_key')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'user_id', type: 'text' })
  userId!: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  @Column({ type: 'text' })
  method!: string;

  @Column({ type: 'text' })
  path!: string;

  /** requestFingerprint(): SHA-256 hex of user, method, path and canonical body. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  /** Null while the first request is in flight (or after it failed and released the key). */
  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody!: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
