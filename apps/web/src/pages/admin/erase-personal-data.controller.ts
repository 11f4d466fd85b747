import { Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ERASURE_ROLES } from '@ehcp/auth';
import { ApiClient } from '../../api/api-client';
import { ApiError } from '../../api/api-errors';
import { requireRole } from '../../auth/role-required';
import { caseIdOrNotFound, type CaseHeader } from '../qa/case-id';

const ROLE_NEEDED = 'administrators';

/**
 * Admin: erase a child's personal data. A confirmation page first (what goes, what stays, that it
 * cannot be undone), then one DELETE /cases/{caseId}/personal-data, then the case page with a banner.
 */
@Controller('cases')
export class ErasePersonalDataController {
  constructor(private readonly api: ApiClient) {}

  @Get(':caseId/erase')
  @Render('pages/erase-personal-data')
  async confirm(@Req() req: Request, @Param('caseId') caseIdParam: string) {
    requireRole(req.session.user, ERASURE_ROLES, ROLE_NEEDED);
    const caseId = caseIdOrNotFound(caseIdParam);
    const found = await this.api.get<CaseHeader>(req, `/cases/${caseId}`);
    return {
      pageTitle: 'Erase the child’s personal data',
      caseId,
      reference: found.reference,
      team: found.team,
      child: found.child,
    };
  }

  @Post(':caseId/erase')
  async erase(@Req() req: Request, @Res() res: Response, @Param('caseId') caseIdParam: string) {
    requireRole(req.session.user, ERASURE_ROLES, ROLE_NEEDED);
    const caseId = caseIdOrNotFound(caseIdParam);
    let position: string | undefined;
    try {
      ({ position } = await this.api.delete<{ position: string }>(req, `/cases/${caseId}/personal-data`));
      req.session.flash = {
        heading: 'The child’s personal data has been erased',
        text: 'Their name and date of birth can no longer be read by anyone. The case’s dates and deadlines are kept.',
      };
    } catch (error) {
      // A second click, or another admin first: the data is gone either way.
      if (!(error instanceof ApiError && error.code === 'PERSONAL_DATA_ALREADY_ERASED')) throw error;
      req.session.flash = { heading: 'The child’s personal data had already been erased' };
    }
    // The case page asks the api with minPosition: it then shows no name the read models have not yet dropped.
    res.redirect(303, `/cases/${caseId}${position ? `?minPosition=${encodeURIComponent(position)}` : ''}`);
  }
}
