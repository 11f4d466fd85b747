import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface IdempotencyScope {
  readonly userId: string;
  readonly key: string;
}

export interface IdempotencyRecord {
  readonly requestHash: string;
  /** Set once the first request succeeded. */
  readonly response: { readonly status: number; readonly body: Record<string, unknown> } | null;
  /** This call inserted the claim (it is the first use of the key). */
  readonly claimed: boolean;
}

interface Row {
  request_hash: string;
  status_code: number | null;
  response_body: Record<string, unknown> | null;
}

/** api_idempotency_key: claim (insert-first), complete with the response, or release after a failure. */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the claim, or returns the existing record of the key. */
  async claim(
    scope: IdempotencyScope,
    method: string,
    path: string,
    requestHash: string,
  ): Promise<IdempotencyRecord> {
    // Two rounds: a failed first request may release (delete) the row between our insert and read.
    for (let round = 0; round < 2; round += 1) {
      const inserted: unknown[] = await this.dataSource.query(
        `insert into api_idempotency_key (user_id, idempotency_key, method, path, request_hash)
         values ($1, $2, $3, $4, $5)
         on conflict (user_id, idempotency_key) do nothing
         returning 1`,
        [scope.userId, scope.key, method, path, requestHash],
      );
      if (inserted.length > 0) return { requestHash, response: null, claimed: true };
      const rows: Row[] = await this.dataSource.query(
        `select request_hash, status_code, response_body from api_idempotency_key
         where user_id = $1 and idempotency_key = $2`,
        [scope.userId, scope.key],
      );
      if (rows.length > 0) return recordOf(rows[0]);
    }
    throw new Error('idempotency key could neither be claimed nor read');
  }

  /** Stores the first successful response; an identical concurrent twin stores the same, harmlessly. */
  async complete(
    scope: IdempotencyScope,
    claim: { method: string; path: string; requestHash: string },
    status: number,
    body: unknown,
  ): Promise<void> {
    await this.dataSource.query(
      `insert into api_idempotency_key
         (user_id, idempotency_key, method, path, request_hash, status_code, response_body, completed_at)
       values ($1, $2, $3, $4, $5, $6, $7, now())
       on conflict (user_id, idempotency_key) do update
         set status_code = excluded.status_code, response_body = excluded.response_body, completed_at = now()
         where api_idempotency_key.completed_at is null
           and api_idempotency_key.request_hash = excluded.request_hash`,
      [scope.userId, scope.key, claim.method, claim.path, claim.requestHash, status, JSON.stringify(body)],
    );
  }

  /** A failed first request frees its key: the client may correct the request and retry with it. */
  async release(scope: IdempotencyScope, requestHash: string): Promise<void> {
    await this.dataSource.query(
      `delete from api_idempotency_key
       where user_id = $1 and idempotency_key = $2 and request_hash = $3 and completed_at is null`,
      [scope.userId, scope.key, requestHash],
    );
  }

  /** Forgets keys first used before `cutoff` (a retry after that runs as a new request); returns how many. */
  async purgeBefore(cutoff: Date): Promise<number> {
    const [, deleted] = (await this.dataSource.query(
      'delete from api_idempotency_key where created_at < $1',
      [cutoff],
    )) as [unknown, number];
    return deleted;
  }
}

function recordOf(row: Row): IdempotencyRecord {
  return {
    requestHash: row.request_hash,
    response:
      row.status_code !== null && row.response_body !== null
        ? { status: row.status_code, body: row.response_body }
        : null,
    claimed: false,
  };
}
