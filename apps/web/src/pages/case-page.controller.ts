import { randomUUID } from 'node:crypto';
import { Controller, Get, Next, Param, Query, Req, Res } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Clock } from '@ehcp/config';
import { ApiClient } from '../api/api-client';
import { childViewsRowsOf, familyLinkSectionOf } from '../family/case-family.view-model';
import type { CaseEventJson, CaseJson, NotificationPageJson } from './case-api.types';
import { nextStepsOf, recordedBannerOf } from '../steps/next-steps.view-model';
import { stepFormsForStage } from '../steps/step-forms.registry';
import { casePageViewModel } from './case-page.view-model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET /cases/{caseId}: the case page (summary, deadlines, history, notifications). */
@Controller('cases')
export class CasePageController {
  constructor(
    private readonly api: ApiClient,
    private readonly clock: Clock,
  ) {}

  @Get(':caseId')
  async show(
    @Req() req: Request,
    @Res() res: Response,
    @Next() next: NextFunction,
    @Param('caseId') caseId: string,
    @Query() query: Record<string, string | undefined>,
  ) {
    // Not a case id (say /cases/new): another controller's route, whichever registered first.
    if (!UUID.test(caseId)) return next();
    // Three api calls, at once; a case of another team is the api's 403, shown by the error filter.
    const [caseJson, events, notifications] = await Promise.all([
      // minPosition: after a step just recorded, the case as it includes that step.
      this.api.get<CaseJson>(req, `/cases/${caseId}`, { minPosition: query.minPosition }),
      this.api.get<CaseEventJson[]>(req, `/cases/${caseId}/events`),
      this.api.get<NotificationPageJson>(req, '/notifications', { caseId, pageSize: 100 }),
    ]);
    const roles = req.session.user?.roles ?? [];
    // A link just sent to the family: its URL shown this once (the api keeps only its hash).
    const sent = req.session.newFamilyLink;
    if (sent) delete req.session.newFamilyLink;
    res.render('pages/case', {
      pageTitle: `Case ${caseJson.reference ?? caseId}`,
      ...casePageViewModel(caseJson, events, notifications.items),
      banner: recordedBannerOf(query.recorded),
      nextSteps: nextStepsOf(caseId, caseJson.stage),
      childHref: caseJson.child ? `/cases/${caseId}/child` : null,
      qaHref: roles.includes('qa_officer') || roles.includes('admin') ? `/cases/${caseId}/qa-audits` : null,
      eraseHref: roles.includes('admin') && caseJson.child ? `/cases/${caseId}/erase` : null,
      // Issue 17: the child's views, and the family's private link.
      childViewsRows: childViewsRowsOf(caseJson.views ?? [], events),
      viewsHref: stepFormsForStage(caseJson.stage).some((form) => form.key === 'views')
        ? `/cases/${caseId}/steps/views`
        : null,
      familyLink: familyLinkSectionOf(
        caseJson.familyLink,
        this.clock.today(),
        sent?.caseId === caseId ? sent : null,
      ),
      nonce: randomUUID(),
    });
  }
}
