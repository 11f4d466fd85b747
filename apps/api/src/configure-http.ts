import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { APP_CONFIG, Clock, type AppConfig } from '@ehcp/config';
import { noStoreMiddleware } from './http/no-store.middleware';
import { requestMetricsMiddleware } from './metrics/api-metrics';
import { setupOpenApi } from './openapi/openapi';
import { bodyErrorsMiddleware, requireJsonBody } from './problem-details/body-errors.middleware';
import { ProblemDetailsFilter } from './problem-details/problem-details.filter';
import { ApiValidationPipe } from './validation/api-validation.pipe';
import { refuseDeepJson } from './validation/json-depth';

/** Commands are small: a generous bound that still stops a flood of bytes early (413 beyond). */
export const BODY_LIMIT = '64kb';

/**
 * All HTTP setup of the api, shared by main.ts and the end-to-end tests so they run the same
 * stack: security headers, proxy trust, body parsing with a size limit, one problem-details
 * filter, the validation pipe, request metrics, OpenAPI. Call before `app.init()` / `listen()`.
 */
export function configureHttp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  // Client IPs (rate limiting of anonymous callers, logs) come from X-Forwarded-For only when the
  // proxy in front is on a private or loopback network, i.e. the deployment's own load balancer.
  express.set('trust proxy', 'loopback, linklocal, uniquelocal');
  express.disable('x-powered-by');
  // No automatic weak ETags: the only ETag a client may send back as If-Match is the case revision
  // (`"<revision>"`, set by commands and the case reads); a hash of a body would be refused (400). And
  // with Cache-Control: no-store there is no conditional GET for them to serve.
  express.set('etag', false);
  // Helmet's defaults, except upgrade-insecure-requests: TLS ends at the load balancer, and on a plain
  // HTTP host (development, an internal network) it would make browsers fetch Swagger UI's assets over
  // HTTPS and fail.
  express.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  express.use(noStoreMiddleware);
  express.use(requestMetricsMiddleware);
  express.use(requireJsonBody);
  // Registered before Nest's default parser, which then stands aside (one JSON parser, our limit).
  // The depth check runs on the raw bytes, before JSON.parse and any recursive code see them.
  express.useBodyParser('json', { limit: BODY_LIMIT, strict: true, verify: refuseDeepJson });
  express.use(bodyErrorsMiddleware);
  express.useGlobalFilters(new ProblemDetailsFilter());
  express.useGlobalPipes(new ApiValidationPipe(app.get(Clock), app.get<AppConfig>(APP_CONFIG).TEAMS));
  setupOpenApi(app);
}
