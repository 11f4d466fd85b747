import { Controller, Get, Inject, Logger, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@ehcp/config';
import { FamilyApiClient } from './family-api.client';
import { familyContactOf, independentHelpOf } from './family-contact';
import { familyPageViewModel } from './family-page.view-model';

/** A token as the api makes it: 32 random bytes, base64url (43 characters); some slack either way. */
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * GET /family/{token}: the family's view of their case (issue 17). No sign-in and no session (the
 * shell skips both for /family/, see configure-web.ts): the token in the path is the only key, so it
 * is never logged (the request log writes /family/[redacted]), never cached, never sent on as a
 * referrer, and the page is kept out of search engines. A link that does not work is a plain page
 * saying so, never the service's error page.
 */
@Controller('family')
export class FamilyPageController {
  private readonly logger = new Logger('FamilyPageController');

  constructor(
    private readonly api: FamilyApiClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':token')
  async show(@Param('token') token: string, @Res() res: Response) {
    res.set({
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex, nofollow',
    });
    const contact = familyContactOf(this.config, null);
    if (!TOKEN.test(token)) return this.notFound(res, contact);
    let answer;
    try {
      answer = await this.api.view(token);
    } catch (error) {
      // The kind of failure only: never the token.
      this.logger.warn({ err: { name: (error as Error)?.name } }, 'family page: api unavailable');
      return res
        .status(503)
        .render('pages/family-unavailable', { pageTitle: 'Sorry, this page is not working', contact });
    }
    switch (answer.kind) {
      case 'not_found':
        return this.notFound(res, contact);
      case 'ended':
        return res
          .status(410)
          .render('pages/family-link-ended', { pageTitle: 'This link no longer works', contact });
      case 'view': {
        const view = answer.view;
        const page = familyPageViewModel(
          view,
          familyContactOf(this.config, view.team.code),
          independentHelpOf(this.config),
        );
        return res.render('pages/family', page);
      }
    }
  }

  private notFound(res: Response, contact: ReturnType<typeof familyContactOf>) {
    res.status(404).render('pages/family-link-not-found', { pageTitle: 'This link does not work', contact });
  }
}
