import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiIdempotencyKeys1763900000000 implements MigrationInterface {
  readonly name = 'ApiIdempotencyKeys1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    // The primary key is the claim: of two concurrent first uses of a key, exactly one inserts.
    await runner.query(`
      create table api_idempotency_key (
        user_id text not null,
        idempotency_key text not null,
        method text not null,
        path text not null,
        request_hash text not null,
        status_code integer,
        response_body jsonb,
        created_at timestamptz not null default now(),
        completed_at timestamptz,
        primary key (user_id, idempotency_key)
      )`);
    await runner.query('create index api_idempotency_key_created_at on api_idempotency_key (created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table api_idempotency_key');
  }
}
