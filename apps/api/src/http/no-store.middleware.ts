import type { NextFunction, Request, Response } from 'express';

/**
 * `Cache-Control: no-store` on every response: the case and its history carry the child's name and
 * date of birth, and neither a browser nor a proxy may keep a copy (issue 12, finding 5). Every
 * response, not a chosen few, so that no new route can forget it; nothing the api serves gains from
 * caching.
 */
export function noStoreMiddleware(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
