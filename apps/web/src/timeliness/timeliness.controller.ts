import { Controller, ForbiddenException, Get, NotFoundException, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-errors';
import { govukErrorsFrom } from '../api/problem-errors';
import { csvOf } from './csv';
import { apiQueryOf, dashboardFilterOf, type DashboardFilter, type DashboardQuery } from './dashboard-filter';
import type { Dashboard } from './dashboard.types';
import { dashboardTables, govukTableOf, periodText, rateSeriesOf, TABLE_NAMES } from './dashboard.view-model';
import { renderRateChart } from './rate-chart';

const VIEWERS = ['manager', 'admin'];

/** The manager's timeliness dashboard (issue 16), its tables as CSV. One api call per page. */
@Controller()
export class TimelinessController {
  constructor(private readonly api: ApiClient) {}

  @Get('timeliness')
  async show(@Req() req: Request, @Res() res: Response, @Query() query: DashboardQuery): Promise<void> {
    this.mustView(req);
    const filter = dashboardFilterOf(query);
    const base = { pageTitle: 'Timeliness', filter, teamChoices: this.teamChoices(req, filter) };
    if (filter.errors.length)
      return res.status(400).render('pages/timeliness', { ...base, errors: govukErrorsFrom(filter.errors) });
    let dashboard: Dashboard;
    try {
      dashboard = await this.api.get<Dashboard>(req, '/timeliness/dashboard', apiQueryOf(filter));
    } catch (error) {
      // A period the api refuses (reversed, too long, a team not known) is the user's to change.
      if (error instanceof ApiError && error.status === 400)
        return res.status(400).render('pages/timeliness', { ...base, errors: govukErrorsFrom(error.errors) });
      throw error;
    }
    const tables = dashboardTables(dashboard);
    const period = periodText(dashboard.period);
    res.render('pages/timeliness', {
      ...base,
      period,
      dashboard,
      csvQuery: new URLSearchParams(
        Object.entries({
          ...apiQueryOf(filter),
          from: dashboard.period.from,
          to: dashboard.period.to,
        }).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ).toString(),
      tables: Object.fromEntries(
        tables.map((table) => [table.name, { ...table, govuk: govukTableOf(table) }]),
      ),
      chart: renderRateChart(
        rateSeriesOf(dashboard),
        'rate-chart',
        'New plans issued within 20 weeks, by month, against England',
        `A line chart of the percentage of new plans issued within 20 weeks in each of the 24 months to ${period.split(' to ')[1]}, for each team, all chosen teams and England's published rate. The table "New plans issued within 20 weeks, by month" gives the same numbers.`,
      ),
    });
  }

  /** A table of the dashboard as CSV: the same cells as the page shows (RFC 4180, a header row). */
  @Get('timeliness.csv')
  async csv(@Req() req: Request, @Res() res: Response, @Query() query: DashboardQuery): Promise<void> {
    this.mustView(req);
    const name = typeof query.table === 'string' ? query.table : '';
    if (!(TABLE_NAMES as readonly string[]).includes(name)) throw new NotFoundException();
    const filter = dashboardFilterOf(query);
    if (filter.errors.length) throw new NotFoundException();
    const dashboard = await this.api.get<Dashboard>(req, '/timeliness/dashboard', apiQueryOf(filter));
    const table = dashboardTables(dashboard).find((candidate) => candidate.name === name)!;
    const file = `${name}-${dashboard.period.from}-to-${dashboard.period.to}.csv`;
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .set('content-disposition', `attachment; filename="${file}"`)
      .send(
        csvOf(
          table.head,
          table.rows.map((row) => row.map((cell) => cell.text)),
        ),
      );
  }

  private mustView(req: Request): void {
    const roles: readonly string[] = req.session.user?.roles ?? [];
    if (!roles.some((role) => VIEWERS.includes(role))) throw new ForbiddenException();
  }

  /** The team checkboxes: the user's teams (an admin, who has none, types codes instead). */
  private teamChoices(req: Request, filter: DashboardFilter) {
    const teams = req.session.user?.teams ?? [];
    return teams.map((team) => ({ value: team, text: team, checked: filter.teams.includes(team) }));
  }
}
