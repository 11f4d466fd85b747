import { Controller, Get, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiClient } from '../api/api-client';
import {
  DEADLINES_PAGE_SIZE,
  deadlineListViewModel,
  paginationOf,
  type ListedDeadline,
} from './deadline-list.view-model';

type DeadlineListQuery = Record<string, string | undefined>;

/** The open deadlines behind a dashboard count (GET /deadlines filters), linking to their cases. */
@Controller('deadlines')
export class DeadlineListController {
  constructor(private readonly api: ApiClient) {}

  @Get()
  @Render('pages/deadline-list')
  async show(@Req() req: Request, @Query() query: DeadlineListQuery) {
    const filters = { status: query.status, kind: query.kind, team: query.team, asOf: query.asOf };
    const answer = await this.api.get<{ items: ListedDeadline[]; total: number }>(req, '/deadlines', {
      ...filters,
      page: query.page,
      pageSize: DEADLINES_PAGE_SIZE,
    });
    const model = deadlineListViewModel(answer.items, answer.total, query);
    return {
      pageTitle: model.title,
      filters,
      ...model,
      pagination: paginationOf(filters, model.page, model.pages),
    };
  }
}
