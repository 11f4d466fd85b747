import { Injectable } from '@nestjs/common';
import { isOpenOn, type CaseStage } from '@ehcp/domain';
import { DataSource } from 'typeorm';
import type { CaseDeadlineRow } from '../projections/case-deadline.projection';
import type { SearchTerms } from '../search/search-terms';
import { deadlineColumns } from './deadline.view';
import { shownStageCondition, shownStageOf } from './shown-stage';
import { limitOffset, SqlFilter, type Page } from './sql-filter';

export interface WorkTrayFilter extends Page {
  /** null: every team. */
  readonly teams: readonly string[] | null;
  readonly caseworkerId?: string;
  /** As shown on `asOf` (shownStageOf: a ceasing plan whose day has come is `ceased`). */
  readonly stage?: CaseStage;
  /** (2nd ed.) The day the stages are shown as of. */
  readonly asOf: string;
  /** (Issue 16) Only the cases the search box's text finds (searchTermsOf); the items then name the child. */
  readonly search?: SearchTerms;
}

/** The child a search result is for: only answered to a search, null once erased. */
export interface WorkTrayChild {
  readonly firstName: string;
  readonly lastName: string;
  readonly dateOfBirth: string;
}

export interface WorkTrayItem {
  readonly caseId: string;
  readonly reference: string | null;
  readonly team: string;
  /** As shown on the filter's `asOf`. */
  readonly stage: CaseStage;
  readonly nextDeadline: CaseDeadlineRow | null;
  /** Present only when the filter had `search`. */
  readonly child?: WorkTrayChild | null;
}

type ChildColumns = {
  childFirstName: string | null;
  childLastName: string | null;
  childDateOfBirth: string | null;
};

/**
 * The work tray: cases most urgent first, i.e. by the due date of their next open deadline (overdue
 * ones have the earliest dates, so they come first), cases with nothing open last. Index-ordered
 * scans of case_summary (team / caseworker / stage, next_due_on, case_id) that stop at the page; the
 * total is summed from work_tray_count rather than counted per page (a search's few cases apart).
 */
@Injectable()
export class WorkTrayQuery {
  constructor(private readonly db: DataSource) {}

  async list(filter: WorkTrayFilter): Promise<{ items: WorkTrayItem[]; total: number }> {
    const where = new SqlFilter().teams('s.team', filter.teams);
    if (filter.caseworkerId !== undefined) where.and(`s.caseworker_id = ${where.param(filter.caseworkerId)}`);
    if (filter.stage !== undefined)
      where.and(shownStageCondition('s', filter.stage, (value) => where.param(value), filter.asOf));
    if (filter.search !== undefined) where.and(searchCondition(filter.search, (value) => where.param(value)));
    const child = filter.search
      ? `, s.child_first_name as "childFirstName", s.child_last_name as "childLastName",
         s.child_date_of_birth::text as "childDateOfBirth"`
      : '';
    const total = filter.search === undefined ? await this.counted(filter) : await this.found(where);
    const rows = await this.db.query<
      (Omit<WorkTrayItem, 'nextDeadline' | 'child'> &
        Partial<ChildColumns> & { ceasesOn: string | null; deadline: CaseDeadlineRow | null })[]
    >(
      `select s.case_id as "caseId", s.reference, s.team, s.stage, s.ceases_on::text as "ceasesOn"${child},
              case when d.id is null then null else to_jsonb(d) end as deadline
         from case_summary s
         left join lateral (select ${deadlineColumns('x')} from case_deadline x where x.id = s.next_deadline_id) d on true
         ${where}
        order by s.next_due_on, s.case_id
        ${limitOffset(where, filter)}`,
      where.params,
    );
    return {
      items: rows.map(({ deadline, ceasesOn, childFirstName, childLastName, childDateOfBirth, ...item }) => ({
        ...item,
        stage: shownStageOf(item.stage, ceasesOn, filter.asOf),
        // (2nd ed.) A deadline a pending cessation cancelled by asOf is no longer the next open one.
        nextDeadline: deadline && isOpenOn(deadline, filter.asOf) ? deadline : null,
        ...(filter.search && {
          child: childOf({
            childFirstName: childFirstName ?? null,
            childLastName: childLastName ?? null,
            childDateOfBirth: childDateOfBirth ?? null,
          }),
        }),
      })),
      total,
    };
  }

  /**
   * The total from work_tray_count (work-tray-count.migration.ts): cases by team, caseworker and stored
   * stage, a few hundred rows whatever the caseload. A ceasing plan whose day has come by asOf is shown
   * `ceased` (shownStageOf): those few are moved from one stage to the other, read from their own index.
   */
  private async counted(filter: WorkTrayFilter): Promise<number> {
    const where = new SqlFilter().teams('c.team', filter.teams);
    if (filter.caseworkerId !== undefined) where.and(`c.caseworker_id = ${where.param(filter.caseworkerId)}`);
    if (filter.stage !== undefined) where.and(`c.stage = ${where.param(filter.stage)}`);
    const [{ total }] = await this.db.query<{ total: number }[]>(
      `select coalesce(sum(c.n), 0)::int as total
         from (select team, caseworker_id, stage, n from work_tray_count
               union all
               select s.team, s.caseworker_id, shown.stage, shown.n
                 from case_summary s cross join (values ('ceased', 1), ('ceasing', -1)) shown(stage, n)
                where s.stage = 'ceasing' and s.ceases_on <= ${where.param(filter.asOf)}::date) c
         ${where}`,
      where.params,
    );
    return total;
  }

  /** A search's total: its few cases counted. */
  private async found(where: SqlFilter): Promise<number> {
    const [{ total }] = await this.db.query<{ total: number }[]>(
      `select count(*)::int as total from case_summary s ${where}`,
      where.params,
    );
    return total;
  }
}

/**
 * A case the search finds: its reference begins with the text (case-insensitive; an exact match
 * is a prefix too), or its child was born on the date the text reads as, or it holds every hashed
 * word of the text among its name tokens. A union of the three, each on its own index
 * (case_summary_reference_search, case_summary_child_date_of_birth, case_search_token_token), rather
 * than an `or` PostgreSQL would answer by scanning every case.
 */
function searchCondition(search: SearchTerms, param: (value: unknown) => string): string {
  const prefix = `${search.reference.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const found = [`select r.case_id from case_summary r where lower(r.reference) like ${param(prefix)}`];
  if (search.dateOfBirth !== null)
    found.push(
      `select b.case_id from case_summary b where b.child_date_of_birth = ${param(search.dateOfBirth)}::date`,
    );
  if (search.nameTokens.length > 0)
    found.push(`select t.case_id from case_search_token t where t.token = any(${param(search.nameTokens)}::text[])
                 group by t.case_id having count(*) = ${param(search.nameTokens.length)}`);
  return `s.case_id in (${found.join(' union ')})`;
}

function childOf({ childFirstName, childLastName, childDateOfBirth }: ChildColumns): WorkTrayChild | null {
  return childFirstName !== null && childLastName !== null && childDateOfBirth !== null
    ? { firstName: childFirstName, lastName: childLastName, dateOfBirth: childDateOfBirth }
    : null;
}
