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

  /** One statement taking one parameter: `sql` is given its placeholder. */
  add(sql: (param: string) => string, value: unknown): void {
    this.values.push(value);
    this.parts.push(sql(`$${this.values.length}`));
  }

  async run(db: SqlClient): Promise<void> {
    if (this.parts.length === 0) return;
    const text =
      this.parts.length === 1
        ? this.parts[0]
        : `with ${this.parts.map((part, index) => `w${index} as (${part})`).join(',\n')} select 1`;
    await db.query(text, this.values);
  }
}
