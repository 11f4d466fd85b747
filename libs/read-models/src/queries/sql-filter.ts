/** A where clause built from the filters a query was given, with numbered parameters. */
export class SqlFilter {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /** Adds a parameter; returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  and(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  /** `column = any(teams)` unless `teams` is null (every team). */
  teams(column: string, teams: readonly string[] | null): this {
    return teams === null ? this : this.and(`${column} = any(${this.param(teams)}::text[])`);
  }

  toString(): string {
    return this.conditions.length === 0 ? '' : `where ${this.conditions.join(' and ')}`;
  }
}

export interface Page {
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
}

export function limitOffset(filter: SqlFilter, { page, pageSize }: Page): string {
  return `limit ${filter.param(pageSize)} offset ${filter.param((page - 1) * pageSize)}`;
}
