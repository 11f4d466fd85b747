import {
  Body,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Post,
  Query,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { signDevToken } from '@ehcp/auth';
import { APP_CONFIG, devSignInEnabled, type AppConfig } from '@ehcp/config';
import { govukErrorsFrom } from '../api/problem-errors';
import { SESSION_COOKIE } from '../session/web-session';
import { parseDevSignIn } from './dev-sign-in.form';
import { OidcService } from './oidc.service';
import { signInSession, takeReturnTo } from './session-sign-in';
import { startPageFor } from './start-page';

const ROLE_ITEMS = [
  { value: 'caseworker', text: 'Caseworker' },
  { value: 'manager', text: 'SEND manager' },
  { value: 'qa_officer', text: 'Quality assurance officer' },
  { value: 'admin', text: 'Administrator' },
];

/** Sign-in (OIDC, or the development form), the callback, sign-out and `/`. */
@Controller()
export class SignInController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly oidc: OidcService,
  ) {}

  @Get()
  home(@Req() req: Request, @Res() res: Response) {
    res.redirect(startPageFor(req.session.user?.roles ?? []));
  }

  @Get('sign-in')
  async signIn(@Req() req: Request, @Res() res: Response, @Query('ended') ended?: string) {
    if (!this.oidc.enabled) {
      return res.render('pages/sign-in', { pageTitle: 'Sign in', ended: ended === 'idle', devSignIn: true });
    }
    if (ended)
      return res.render('pages/sign-in', { pageTitle: 'Sign in', ended: ended === 'idle', devSignIn: false });
    const start = await this.oidc.start();
    req.session.oidc = { ...start, returnTo: req.session.returnTo ?? '/' };
    req.session.save(() => res.redirect(start.url));
  }

  @Get('auth/callback')
  async callback(@Req() req: Request, @Res() res: Response) {
    const expected = req.session.oidc;
    if (!this.oidc.enabled || !expected) throw new NotFoundException();
    delete req.session.oidc;
    req.session.returnTo = expected.returnTo;
    const { user, accessToken } = await this.oidc.complete(req.originalUrl, expected);
    await signInSession(req, user, accessToken);
    res.redirect(takeReturnTo(req));
  }

  /** Development only: `?sub=&role=&teams=a,b` signs in at once; without parameters, a form. */
  @Get('dev/sign-in')
  async devSignIn(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>) {
    this.assertDevSignIn();
    if (query.sub === undefined && query.role === undefined) return this.renderDevForm(res, {}, []);
    return this.completeDevSignIn(req, res, query);
  }

  @Post('dev/sign-in')
  async devSignInForm(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>) {
    this.assertDevSignIn();
    return this.completeDevSignIn(req, res, body);
  }

  @Post('sign-out')
  signOut(@Req() req: Request, @Res() res: Response) {
    req.session.destroy(() => {
      res.clearCookie(SESSION_COOKIE);
      res.redirect('/signed-out');
    });
  }

  @Get('signed-out')
  @Render('pages/signed-out')
  signedOut() {
    return { pageTitle: 'You have signed out' };
  }

  private async completeDevSignIn(req: Request, res: Response, input: Record<string, unknown>) {
    const parsed = parseDevSignIn(input);
    if (!parsed.ok) return this.renderDevForm(res.status(400), input, parsed.errors);
    const { sub, role, teams } = parsed.value;
    const secret = this.config.AUTH_JWT_SECRET;
    if (!secret) throw new Error('AUTH_JWT_SECRET is needed for the development sign-in');
    const token = await signDevToken(
      { sub, roles: [role], teams },
      secret,
      `${this.config.SESSION_TIMEOUT_MINUTES + 720}m`,
      {
        issuer: this.config.AUTH_JWT_ISSUER,
        audience: this.config.AUTH_JWT_AUDIENCE,
      },
    );
    await signInSession(req, { id: sub, roles: [role], teams }, token);
    res.redirect(takeReturnTo(req));
  }

  private renderDevForm(
    res: Response,
    values: Record<string, unknown>,
    errors: { field: string; message: string }[],
  ) {
    res.render('pages/dev-sign-in', {
      pageTitle: 'Sign in (development)',
      values,
      roleItems: ROLE_ITEMS.map((item) => ({ ...item, checked: values.role === item.value })),
      errors: errors.length ? govukErrorsFrom(errors, { role: 'role' }) : undefined,
    });
  }

  private assertDevSignIn() {
    if (!devSignInEnabled(this.config)) throw new NotFoundException();
  }
}
