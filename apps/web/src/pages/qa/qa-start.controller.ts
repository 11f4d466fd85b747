import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QA_AUDIT_ROLES } from '@ehcp/auth';
import { Clock } from '@ehcp/config';
import { ApiClient, type Query as ApiQuery } from '../../api/api-client';
import { ApiError, type ProblemFieldError } from '../../api/api-errors';
import { govukErrorsFrom } from '../../api/problem-errors';
import { requireRole } from '../../auth/role-required';
import {
  foundCaseRows,
  isCaseId,
  periodFrom,
  qaSummaryView,
  searchProblem,
  teamItems,
  type FoundCase,
  type QaSummary,
} from './qa-start.view-model';

const FIELD_IDS = { from: 'from-day', to: 'to-day' };
const SEARCH_PAGE_SIZE = 20;

type Answer<T> = { value: T } | { errors: ProblemFieldError[] };

/** The QA officer's start page: the QA summary of a period and team, and finding a plan to audit. */
@Controller('qa')
export class QaStartController {
  constructor(
    private readonly api: ApiClient,
    private readonly clock: Clock,
  ) {}

  @Get()
  async show(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>) {
    requireRole(req.session.user, QA_AUDIT_ROLES, 'QA officers and administrators');
    const q = typeof query.q === 'string' ? query.q.trim() : '';
    if (isCaseId(q)) return res.redirect(303, `/cases/${q.toLowerCase()}/qa-audits`);
    const team = typeof query.team === 'string' ? query.team : '';
    const period = periodFrom(query, this.clock.today());
    const qProblem = q ? searchProblem(q) : undefined;
    // At most three api calls: the teams, the summary, the search.
    const [teams, summary, search] = await Promise.all([
      this.api.get<{ code: string; name: string }[]>(req, '/teams'),
      period.errors.length
        ? undefined
        : this.refusable<QaSummary>(req, '/qa/summary', { from: period.from, to: period.to, team }, 'from'),
      q && !qProblem
        ? this.refusable<{ items: FoundCase[]; total: number }>(
            req,
            '/cases',
            { q, pageSize: SEARCH_PAGE_SIZE },
            'q',
          )
        : undefined,
    ]);
    const problems = [
      ...period.errors,
      ...(summary && 'errors' in summary ? summary.errors : []),
      ...(qProblem ? [qProblem] : []),
      ...(search && 'errors' in search ? search.errors.map((e) => ({ ...e, field: 'q' })) : []),
    ];
    res.status(problems.length ? 400 : 200).render('pages/qa-start', {
      pageTitle: 'Quality assurance',
      period,
      teams: teamItems(teams, team),
      summary: summary && 'value' in summary ? qaSummaryView(summary.value) : undefined,
      q,
      results:
        search && 'value' in search
          ? { rows: foundCaseRows(search.value.items), total: search.value.total }
          : undefined,
      errors: problems.length ? govukErrorsFrom(problems, FIELD_IDS) : undefined,
    });
  }

  /** A query the api may refuse for its input (400: a period too long, a team not the user's). */
  private async refusable<T>(req: Request, path: string, query: ApiQuery, field: string): Promise<Answer<T>> {
    try {
      return { value: await this.api.get<T>(req, path, query) };
    } catch (error) {
      if (error instanceof ApiError && error.status === 400)
        return { errors: error.errors.length ? [...error.errors] : [{ field, message: error.title }] };
      throw error;
    }
  }
}
