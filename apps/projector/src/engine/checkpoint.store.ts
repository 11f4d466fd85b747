import { CHECKPOINT_NAME } from '@ehcp/read-models';
import { CombinedWrite } from './combined-write';
import type { SqlClient } from './sql-client';

/** Another writer (a second leader, a rebuild's swap) moved the checkpoint since it was read. */
export class CheckpointMoved extends Error {
  override readonly name = 'CheckpointMoved';

  constructor(
    readonly expected: string | null,
    readonly actual: string | null,
  ) {
    super(`projection checkpoint moved from ${String(expected)} to ${String(actual)}`);
  }
}

export async function readCheckpoint(db: SqlClient, schema: string): Promise<string | null> {
  const { rows } = await db.query<{ position: string | null }>(
    `select position from ${schema}.projection_checkpoint where name = $1`,
    [CHECKPOINT_NAME],
  );
  return rows[0]?.position ?? null;
}

/**
 * In a transaction: locks the checkpoint row and checks that it is still `expected`. Batches are
 * compare-and-set: of two writers reading the same checkpoint, the second fails here and applies nothing.
 */
export async function claimCheckpoint(db: SqlClient, schema: string, expected: string | null): Promise<void> {
  const actual = await lockCheckpoint(db, schema);
  if (actual !== expected) throw new CheckpointMoved(expected, actual);
}

/** In a transaction: locks the checkpoint row (other writers' batches wait) and returns it. */
export async function lockCheckpoint(db: SqlClient, schema: string): Promise<string | null> {
  const { rows } = await db.query<{ position: string | null }>(
    `select position from ${schema}.projection_checkpoint where name = $1 for update`,
    [CHECKPOINT_NAME],
  );
  return rows[0]?.position ?? null;
}

export async function saveCheckpoint(db: SqlClient, schema: string, position: string): Promise<void> {
  const write = new CombinedWrite();
  addCheckpointSave(write, schema, position);
  await write.run(db);
}

/** The checkpoint's move as part of a combined write: it commits with the rows it covers. */
export function addCheckpointSave(write: CombinedWrite, schema: string, position: string): void {
  write.add(
    (name, to) =>
      `update ${schema}.projection_checkpoint set position = ${to}, updated_at = now() where name = ${name}`,
    CHECKPOINT_NAME,
    position,
  );
}
