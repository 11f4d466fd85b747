import { randomBytes } from 'node:crypto';
import RedisStore from 'connect-redis';
import { csrfSync } from 'csrf-sync';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import type Redis from 'ioredis';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '@ehcp/config';
import { isPublicPath, isSessionlessPath } from './auth/public-paths';
import { navigationFor } from './auth/start-page';
import { WEB_REDIS } from './session/redis.provider';
import { isIdleExpired } from './session/idle-timeout';
import { takeFlash } from './session/flash';
import { SESSION_COOKIE } from './session/web-session';
import { setUpNunjucks } from './views/nunjucks-setup';
import { WEB_PATHS } from './views/web-paths';

/** Static files: the packages' prebuilt CSS, JS, fonts and images (no Sass build), and our module script. */
function serveAssets(app: NestExpressApplication): void {
  const options = { index: false, fallthrough: true, maxAge: '1h' };
  app.use('/assets/app', express.static(WEB_PATHS.public, options));
  app.use('/assets/govuk', express.static(`${WEB_PATHS.govuk}/govuk`, options));
  app.use('/assets/moj', express.static(`${WEB_PATHS.moj}/moj`, options));
  app.use('/assets', express.static(`${WEB_PATHS.govuk}/govuk/assets`, options));
}

/** A nonce per response, and a CSP that allows no inline script or style without it. */
function securityHeaders(app: NestExpressApplication): void {
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
          styleSrc: ["'self'"],
          fontSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: true,
    }),
  );
}

function sessions(app: Router, config: AppConfig, redis: Redis): void {
  const production = config.NODE_ENV === 'production';
  app.use(
    session({
      name: SESSION_COOKIE,
      store: new RedisStore({
        client: redis,
        prefix: 'ehcp:web:session:',
        // Kept an hour past the idle timeout, so that a returning user is told why they must sign in again.
        ttl: config.SESSION_TIMEOUT_MINUTES * 60 + 3600,
      }),
      // Development only: production refuses to start without its own (webConfigProblems).
      secret: config.SESSION_SECRET ?? 'ehcp-development-session-secret-not-for-production',
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: production },
    }),
  );
}

/** Idle timeout, the sign-in gate, and what every view needs (user, navigation, nonce). */
function signInGate(app: Router, config: AppConfig): void {
  app.use((req: Request, res: Response, next: NextFunction) => {
    const now = Date.now();
    if (req.session.user && isIdleExpired(req.session.lastSeenAt, now, config.SESSION_TIMEOUT_MINUTES)) {
      return req.session.destroy(() => {
        res.clearCookie(SESSION_COOKIE);
        res.redirect('/sign-in?ended=idle');
      });
    }
    if (req.session.user) req.session.lastSeenAt = now;
    res.locals.user = req.session.user;
    res.locals.navigation = navigationFor(req.session.user?.roles ?? [], req.path);
    // Read when a page renders (not on a redirect or JSON answer): the next page shows it, once.
    Object.defineProperty(res.locals, 'flash', { enumerable: true, get: () => takeFlash(req.session) });
    if (req.session.user || isPublicPath(req.path)) return next();
    if (req.method === 'GET') req.session.returnTo = req.originalUrl;
    res.redirect('/sign-in');
  });
}

/** Every non-GET request carries the session's synchroniser token (`_csrf` field or x-csrf-token header). */
function csrf(app: Router): void {
  const { csrfSynchronisedProtection, generateToken } = csrfSync({
    getTokenFromRequest: (req) =>
      (req.body as Record<string, string> | undefined)?._csrf ?? req.get('x-csrf-token'),
  });
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    csrfSynchronisedProtection(req, res, (error?: unknown) => {
      if (error) {
        return res.status(403).render('errors/forbidden', {
          pageTitle: 'You cannot do that',
          csrfFailed: true,
        });
      }
      // Made when a page is rendered, not before: a health probe or a redirect stores no session in Redis.
      Object.defineProperty(res.locals, 'csrfToken', { enumerable: true, get: () => generateToken(req) });
      next();
    });
  });
}

/**
 * The web app's HTTP shell, in order: headers, assets, views, session, sign-in gate, CSRF. A family's
 * link (/family/, isSessionlessPath) skips the last three: opening it creates no session and sets no
 * cookie, and it needs no sign-in.
 */
export function configureWeb(app: NestExpressApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  const redis = app.get<Redis>(WEB_REDIS);
  app.disable('x-powered-by');
  if (config.NODE_ENV === 'production') app.set('trust proxy', 1);
  securityHeaders(app);
  serveAssets(app);
  setUpNunjucks(app);
  const withSession = express.Router();
  sessions(withSession, config, redis);
  signInGate(withSession, config);
  csrf(withSession);
  app.use((req: Request, res: Response, next: NextFunction) =>
    isSessionlessPath(req.path) ? next() : withSession(req, res, next),
  );
}
