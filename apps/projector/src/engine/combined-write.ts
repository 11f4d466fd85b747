import type { SqlClient } from './sql-client';

/**
 * Data-modifying statements sent as one: each becomes a CTE of a single WITH, which PostgreSQL runs
 * exactly once whether or not anything reads it. A batch's writes (each table's deletes and upserts,
 * the alert outbox) then cost one round trip, not one each, which is most of a live batch's latency.
 * The parts must not touch the same row twice (PostgreSQL refuses that): a batch deletes and upserts
 * disjoint keys of a table.
 */
export class CombinedWrite {
  private readonly parts: string[] = [];
  private readonly values: unknown[] = [];

  /** One statement: `sql` is given the placeholders of its `values`, in order. */
  add(sql: (...params: string[]) => string, ...values: unknown[]): void {
    const params = values.map((value) => {
      this.values.push(value);
      return `$${this.values.length}`;
    });
    this.parts.push(sql(...params));
  }

  /** Sends what was added since the last run, if anything: a second run of the same parts is a no-op. */
  async run(db: SqlClient): Promise<void> {
    const parts = this.parts.splice(0);
    const values = this.values.splice(0);
    if (parts.length === 0) return;
    const text =
      parts.length === 1
        ? parts[0]
        : `with ${parts.map((part, index) => `w${index} as (${part})`).join(',\n')} select 1`;
    await db.query(text, values);
  }
}
