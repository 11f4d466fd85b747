import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-errors';

interface FamilyLinkIssued {
  readonly caseId: string;
  readonly position: string;
  readonly linkId: string;
  /** Null when the api answered a repeated request: the token is shown once, never again. */
  readonly url: string | null;
  readonly expiresOn: string;
}

interface CommandResult {
  readonly position: string;
}

const NONCE = /^[0-9a-f-]{36}$/;

/**
 * The case page's "Family's private link" forms (issue 17): send the family a link (POST
 * /cases/{caseId}/family-links), which the case page then shows once, and stop it (DELETE
 * .../family-links/{linkId}). Each is a CSRF-checked form post (the shell checks every non-GET) and
 * one api command; success returns to the case page (post/redirect/get). The url is never logged.
 */
@Controller('cases')
export class FamilyLinkController {
  constructor(private readonly api: ApiClient) {}

  @Post(':caseId/family-links')
  async send(
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
    @Body() body: Record<string, string | undefined>,
  ) {
    const id = encodeURIComponent(caseId);
    // The form's nonce: a double submit makes one link, and the repeat is told the link was made.
    const nonce = body._nonce ?? '';
    const headers: Record<string, string> = NONCE.test(nonce) ? { 'idempotency-key': `web-${nonce}` } : {};
    let issued: FamilyLinkIssued;
    try {
      issued = await this.api.post<FamilyLinkIssued>(req, `/cases/${id}/family-links`, {}, headers);
    } catch (error) {
      return this.refused(res, error, caseId, 'The link was not sent');
    }
    req.session.newFamilyLink = { caseId, url: issued.url, expiresOn: issued.expiresOn };
    res.redirect(303, `/cases/${id}?minPosition=${encodeURIComponent(issued.position)}#family-link`);
  }

  @Post(':caseId/family-links/:linkId/stop')
  async stop(
    @Req() req: Request,
    @Res() res: Response,
    @Param('caseId') caseId: string,
    @Param('linkId') linkId: string,
  ) {
    const id = encodeURIComponent(caseId);
    let result: CommandResult;
    try {
      result = await this.api.delete<CommandResult>(
        req,
        `/cases/${id}/family-links/${encodeURIComponent(linkId)}`,
      );
    } catch (error) {
      return this.refused(res, error, caseId, 'The link was not stopped');
    }
    req.session.flash = {
      heading: 'The family’s link was stopped',
      text: 'It no longer works. Send a new link if the family needs one.',
    };
    res.redirect(303, `/cases/${id}?minPosition=${encodeURIComponent(result.position)}#family-link`);
  }

  /** A refusal the caseworker can act on (400, 409, 422) in words, with the way back; else the error pages. */
  private refused(res: Response, error: unknown, caseId: string, heading: string) {
    if (!(error instanceof ApiError) || ![400, 409, 422].includes(error.status)) throw error;
    res.status(error.status).render('pages/family-link-refused', {
      pageTitle: heading,
      reason: error.detail || error.title,
      caseHref: `/cases/${encodeURIComponent(caseId)}#family-link`,
    });
  }
}
