import type { QueryResult, QueryResultRow, Submittable } from 'pg';
import type { CopyStreamQuery } from 'pg-copy-streams';
import type { SqlClient } from '../apps/projector/src/engine/sql-client';

interface Totals {
  calls: number;
  ms: number;
}

/**
 * A SqlClient that times every statement it passes on, grouped by the statement's first words: where
 * a rebuild's time goes on its own connection (the rest is reading the log, and JavaScript).
 */
export class TimedSqlClient implements SqlClient {
  private readonly totals = new Map<string, Totals>();

  constructor(private readonly inner: SqlClient) {}

  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
  query<T extends Submittable>(stream: T): T;
  query(text: string | Submittable, values?: unknown[]): unknown {
    const started = process.hrtime.bigint();
    if (typeof text !== 'string') {
      // A COPY stream is given back at once to be written; it is timed until PostgreSQL has taken it all.
      const stream = this.inner.query(text as CopyStreamQuery);
      stream.once('finish', () => this.add(stream.text, started));
      return stream;
    }
    return this.inner.query(text, values).finally(() => this.add(text, started));
  }

  private add(text: string, started: bigint): void {
    const key = statementKey(text);
    const totals = this.totals.get(key) ?? { calls: 0, ms: 0 };
    totals.calls += 1;
    totals.ms += Number(process.hrtime.bigint() - started) / 1e6;
    this.totals.set(key, totals);
  }

  totalMs(): number {
    return [...this.totals.values()].reduce((sum, totals) => sum + totals.ms, 0);
  }

  /** The `count` statements that took longest in all, e.g. `4.2 s in 2001 x select id as "id", ...`. */
  slowest(count: number): string[] {
    return [...this.totals]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, count)
      .map(([key, { calls, ms }]) => `${(ms / 1000).toFixed(1)} s in ${calls} x \`${key}\``);
  }
}

/** `insert into <table>`, `select … from <table>`, `commit`: enough to tell the statements apart. */
function statementKey(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const target = /^(insert into|update|delete from|copy) (\S+)/i.exec(flat) ?? /\b(from) (\S+)/i.exec(flat);
  if (!target) return flat.slice(0, 40);
  const verb = flat.split(' ')[0].toLowerCase();
  return verb === 'select' || verb === 'with' ? `${verb} … from ${target[2]}` : `${target[1]} ${target[2]}`;
}
