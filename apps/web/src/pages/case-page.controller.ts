import { Controller, Get, Next, Param, Req, Res } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiClient } from '../api/api-client';
import type { CaseEventJson, CaseJson, NotificationPageJson } from './case-api.types';
import { casePageViewModel } from './case-page.view-model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET /cases/{caseId}: the case page (summary, deadlines, history, notifications). */
@Controller('cases')
export class CasePageController {
  constructor(private readonly api: ApiClient) {}

  @Get(':caseId')
  async show(
    @Req() req: Request,
    @Res() res: Response,
    @Next() next: NextFunction,
    @Param('caseId') caseId: string,
  ) {
    // Not a case id (say /cases/new): another controller's route, whichever registered first.
    if (!UUID.test(caseId)) return next();
    // Three api calls, at once; a case of another team is the api's 403, shown by the error filter.
    const [caseJson, events, notifications] = await Promise.all([
      this.api.get<CaseJson>(req, `/cases/${caseId}`),
      this.api.get<CaseEventJson[]>(req, `/cases/${caseId}/events`),
      this.api.get<NotificationPageJson>(req, '/notifications', { caseId, pageSize: 100 }),
    ]);
    res.render('pages/case', {
      pageTitle: `Case ${caseJson.reference ?? caseId}`,
      ...casePageViewModel(caseJson, events, notifications.items),
    });
  }
}
