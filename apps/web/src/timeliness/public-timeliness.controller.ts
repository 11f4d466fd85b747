import { BadRequestException, Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-errors';
import { govukErrorsFrom } from '../api/problem-errors';
import { csvOf } from './csv';
import { dashboardFilterOf, type DashboardQuery } from './dashboard-filter';
import { govukTableOf, periodText } from './dashboard.view-model';
import { dataDictionary } from './data-dictionary';
import type { PublicTimeliness } from './public-timeliness.types';
import {
  councilMonthlyTable,
  councilRateSeries,
  CSV_HEAD,
  csvRows,
  headlineOf,
  teamDecisionsTable,
  teamPlansTable,
} from './public-timeliness.view-model';
import { renderRateChart } from './rate-chart';

const PAGE = 'pages/public-timeliness';

/** The period the public may choose: from and to only (every team is published). */
function publicQueryOf(query: DashboardQuery) {
  const filter = dashboardFilterOf({ from: query.from, to: query.to });
  return { filter, apiQuery: { from: filter.from || undefined, to: filter.to || undefined } };
}

/**
 * The council's published timeliness (issue 17): a page, an open-data CSV and its data dictionary, for
 * anyone, without signing in. One call to the api's GET /public/timeliness, which has already applied
 * statistical disclosure control; the pages only say "fewer than 5" and "withheld" where it did.
 */
@Controller('public')
export class PublicTimelinessController {
  constructor(private readonly api: ApiClient) {}

  @Get('timeliness')
  async show(@Res() res: Response, @Query() query: DashboardQuery): Promise<void> {
    const { filter, apiQuery } = publicQueryOf(query);
    const base = { pageTitle: 'How quickly the council issues EHC plans', filter };
    if (filter.errors.length)
      return res.status(400).render(PAGE, { ...base, errors: govukErrorsFrom(filter.errors) });
    let data: PublicTimeliness;
    try {
      data = await this.api.getPublic<PublicTimeliness>('/public/timeliness', apiQuery);
    } catch (error) {
      // A period the api refuses (reversed, longer than 24 months) is the reader's to change.
      if (error instanceof ApiError && error.status === 400)
        return res.status(400).render(PAGE, { ...base, errors: govukErrorsFrom(error.errors) });
      throw error;
    }
    const period = periodText({ ...data.period, asOf: data.period.to, teams: null });
    const tables = [councilMonthlyTable(data), teamPlansTable(data), teamDecisionsTable(data)];
    res.render(PAGE, {
      ...base,
      data,
      period,
      headline: headlineOf(data, period),
      csvHref: `/public/timeliness.csv?${new URLSearchParams(data.period).toString()}`,
      tables: Object.fromEntries(
        tables.map((table) => [table.name, { ...table, govuk: govukTableOf(table) }]),
      ),
      chart: renderRateChart(
        councilRateSeries(data),
        'rate-chart',
        `New plans issued within 20 weeks by ${data.council.name}, by month, against England`,
        `A line chart of the percentage of new plans issued within 20 weeks in each month from ${period}: all new plans, plans with no exception, and England's published rate. The table "New plans issued within 20 weeks, by month" gives the same numbers.`,
      ),
    });
  }

  /** The open data: one row per month for the council and for each team (RFC 4180, a header row). */
  @Get('timeliness.csv')
  async csv(@Res() res: Response, @Query() query: DashboardQuery): Promise<void> {
    const { filter, apiQuery } = publicQueryOf(query);
    if (filter.errors.length) throw new BadRequestException();
    let data: PublicTimeliness;
    try {
      data = await this.api.getPublic<PublicTimeliness>('/public/timeliness', apiQuery);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) throw new BadRequestException();
      throw error;
    }
    const file = `timeliness-${data.period.from}-to-${data.period.to}.csv`;
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .set('content-disposition', `attachment; filename="${file}"`)
      .set('cache-control', 'public, max-age=300')
      .send(csvOf(CSV_HEAD, csvRows(data)));
  }

  @Get('timeliness/data-dictionary')
  dictionary(@Res() res: Response): void {
    res.render('pages/public-timeliness-dictionary', {
      pageTitle: 'Timeliness open data: what each column means',
      columns: dataDictionary(),
    });
  }
}
