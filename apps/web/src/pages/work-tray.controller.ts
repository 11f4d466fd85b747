import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiClient } from '../api/api-client';
import { govukErrorsFrom } from '../api/problem-errors';
import type { WorkTrayJson } from './case-api.types';
import { searchErrorsOf, trayApiQueryOf, trayFiltersOf, workTrayViewModel } from './work-tray.view-model';

const EMPTY_TRAY: WorkTrayJson = { items: [], total: 0 };

/** GET /cases: the work tray, its filters and the search by reference, child's name or date of birth. */
@Controller('cases')
export class WorkTrayController {
  constructor(private readonly api: ApiClient) {}

  @Get()
  async show(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>) {
    const filters = trayFiltersOf(query);
    const userId = req.session.user?.id ?? '';
    const searchErrors = searchErrorsOf(filters);
    if (searchErrors.length > 0)
      return res.status(400).render('pages/work-tray', {
        pageTitle: 'My cases',
        ...workTrayViewModel(EMPTY_TRAY, filters, userId),
        errors: govukErrorsFrom(searchErrors),
      });
    // One api call: the api orders most urgent first and, for a search, adds each case's child.
    const tray = await this.api.get<WorkTrayJson>(req, '/cases', trayApiQueryOf(filters));
    res.render('pages/work-tray', {
      pageTitle: filters.q ? 'Search results' : 'My cases',
      ...workTrayViewModel(tray, filters, userId),
    });
  }
}
