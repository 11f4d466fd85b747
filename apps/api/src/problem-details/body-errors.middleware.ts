import type { NextFunction, Request, Response } from 'express';
import { MAX_JSON_DEPTH } from '../validation/json-depth';
import { ApiProblem, ValidationProblem } from './api-problem';

/** body-parser's errors carry a `type`; https://github.com/expressjs/body-parser#errors */
interface BodyParserError extends Error {
  readonly type?: string;
  readonly status?: number;
}

/**
 * Express error middleware placed right after the JSON parser: turns its failures into ApiProblems,
 * which Nest hands to the problem-details filter. Unknown errors pass through untouched.
 */
export function bodyErrorsMiddleware(
  error: BodyParserError,
  _req: Request,
  _res: Response,
  next: NextFunction,
): void {
  switch (error.type) {
    case 'entity.parse.failed':
      return next(
        new ApiProblem('MALFORMED_JSON', 'The request body is not valid JSON.', [
          { field: 'body', message: 'must be a JSON object' },
        ]),
      );
    case 'entity.too.large':
      return next(
        new ApiProblem('PAYLOAD_TOO_LARGE', 'The request body is larger than the limit.', [
          { field: 'body', message: 'is too large' },
        ]),
      );
    case 'entity.too.deep': // thrown by refuseDeepJson, before JSON.parse
      return next(ValidationProblem.of('body', `body must not nest more than ${MAX_JSON_DEPTH} levels deep`));
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return next(
        new ApiProblem('UNSUPPORTED_MEDIA_TYPE', 'Send the body as UTF-8 JSON.', [
          { field: 'Content-Type', message: 'must be application/json; charset=utf-8' },
        ]),
      );
    case 'request.aborted':
    case 'request.size.invalid':
      return next(
        new ApiProblem('MALFORMED_JSON', 'The request body was incomplete.', [
          { field: 'body', message: 'was cut short' },
        ]),
      );
    default:
      return next(error);
  }
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/** A body that is not JSON would reach validation as an empty object: say what is wrong instead. */
export function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody || JSON_TYPE.test(req.headers['content-type'] ?? '')) return next();
  next(
    new ApiProblem('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.', [
      { field: 'Content-Type', message: 'must be application/json' },
    ]),
  );
}
