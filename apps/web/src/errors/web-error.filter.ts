import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiError } from '../api/api-errors';
import { RoleRequiredException } from '../auth/role-required';

/**
 * Every failure as a page, never a stack trace: the API's 401 -> sign in again; 403 -> "You cannot
 * see this"; 404 -> "Page not found"; anything else -> "Sorry, there is a problem" (503).
 */
@Catch()
export class WebErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const status = statusOf(error);
    // Probes and machines read /health/* as JSON, as from the other apps.
    if (req.path.startsWith('/health/') && error instanceof HttpException)
      return void res.status(error.getStatus()).json(error.getResponse());
    if (status === 401) {
      req.session.user = undefined;
      req.session.accessToken = undefined;
      req.session.returnTo = req.method === 'GET' ? req.originalUrl : undefined;
      return res.redirect('/sign-in');
    }
    if (status === 403)
      return res.status(403).render('errors/forbidden', {
        pageTitle: 'You cannot see this page',
        roleNeeded: error instanceof RoleRequiredException ? error.roleNeeded : undefined,
      });
    if (status === 404) return res.status(404).render('errors/not-found', { pageTitle: 'Page not found' });
    if (status === 400 || status === 405)
      return res.status(status).render('errors/problem', { pageTitle: 'Sorry, there is a problem', status });
    // Only the kind of error and the route, never the URL's query or a body (children's personal data).
    this.logger.error(
      { err: { name: (error as Error)?.name, status }, route: req.route?.path },
      'page failed',
    );
    res.status(503).render('errors/problem', { pageTitle: 'Sorry, there is a problem with the service' });
  }
}

function statusOf(error: unknown): number {
  if (error instanceof ApiError)
    return error.status === 401 || error.status === 403 || error.status === 404 ? error.status : 503;
  if (error instanceof HttpException) return error.getStatus();
  return 500;
}
