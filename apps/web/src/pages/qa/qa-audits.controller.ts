import { Controller, Get, Param, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { hasAnyRole, QA_AUDIT_ROLES } from '@ehcp/auth';
import { ApiClient } from '../../api/api-client';
import { caseIdOrNotFound, type CaseHeader } from './case-id';
import { stageLabel } from './qa-labels';
import { auditsByPlanView, type CaseEventView } from './qa-audits.view-model';

/** Audits by plan: a case's QA audits, from its history, grouped by the plan version audited. */
@Controller('cases')
export class QaAuditsController {
  constructor(private readonly api: ApiClient) {}

  @Get(':caseId/qa-audits')
  @Render('pages/qa-audits')
  async show(@Req() req: Request, @Param('caseId') caseIdParam: string) {
    const caseId = caseIdOrNotFound(caseIdParam);
    // Two api calls; any role of the case's team may read its audits (the api checks the team).
    const [found, events] = await Promise.all([
      this.api.get<CaseHeader>(req, `/cases/${caseId}`),
      this.api.get<CaseEventView[]>(req, `/cases/${caseId}/events`),
    ]);
    const user = req.session.user;
    return {
      pageTitle: `QA audits of ${found.reference ?? 'the plan'}`,
      caseId,
      reference: found.reference,
      team: found.team,
      stage: stageLabel(found.stage),
      canAudit: !!user && hasAnyRole(user, QA_AUDIT_ROLES),
      ...auditsByPlanView(events),
    };
  }
}
