import { Controller, Get, Param, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiClient } from '../api/api-client';
import { canCorrect, canVoid, factTitleOf } from './correction-form.view-model';
import { nextStepsOf, recordedBannerOf } from './next-steps.view-model';
import type { CaseEvent } from './step-form.view-model';

interface CaseSummary {
  readonly caseId: string;
  readonly reference: string | null;
  readonly stage: string;
  readonly child: unknown;
}

/**
 * A minimal include point for "Record the next step" until the case page (issue 16, P1) is merged:
 * replace it by P1's case page, which includes views/case/next-steps.njk with `nextStepsOf()` and
 * shows `recordedBannerOf(query.recorded)`; its timeline links each fact to
 * /cases/{caseId}/history/{revision}/correct and /void (`canCorrect`, `canVoid`).
 */
@Controller('cases')
export class CasePageMinimalController {
  constructor(private readonly api: ApiClient) {}

  @Get(':caseId')
  @Render('pages/case-minimal')
  async show(@Req() req: Request, @Param('caseId') caseId: string, @Query() query: Record<string, string>) {
    const id = encodeURIComponent(caseId);
    // minPosition: the case page waits for the read model to include the step just recorded.
    const [summary, events] = await Promise.all([
      this.api.get<CaseSummary>(req, `/cases/${id}`, { minPosition: query.minPosition }),
      this.api.get<CaseEvent[]>(req, `/cases/${id}/events`),
    ]);
    return {
      pageTitle: summary.reference ?? 'Case',
      caseId,
      stage: summary.stage,
      banner: recordedBannerOf(query.recorded),
      nextSteps: nextStepsOf(caseId, summary.stage),
      childHref: summary.child ? `/cases/${id}/child` : null,
      facts: events.map((event) => ({
        revision: event.revision,
        title: factTitleOf(event.type),
        correctHref: canCorrect(event) ? `/cases/${id}/history/${event.revision}/correct` : null,
        voidHref: canVoid(event) ? `/cases/${id}/history/${event.revision}/void` : null,
      })),
    };
  }
}
