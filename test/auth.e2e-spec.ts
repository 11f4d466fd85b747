import { randomUUID } from 'node:crypto';
import {
  Catch,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  type ArgumentsHost,
  type ExceptionFilter,
  type INestApplication,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Response } from 'express';
import request from 'supertest';
import {
  AuthModule,
  CurrentUser,
  Roles,
  SecurityError,
  assertTeamAccess,
  signDevToken,
  type AuthenticatedUser,
  type Role,
} from '@ehcp/auth';
import { ConfigModule, Public, loadConfig, sleep } from '@ehcp/config';

const SECRET = 'e2e-test-secret-0123456789';

@Controller()
class DummyController {
  @Public()
  @Get('open')
  open() {
    return { open: true };
  }

  @Roles('caseworker')
  @Post('cases')
  @HttpCode(201)
  create(@CurrentUser() user: AuthenticatedUser) {
    return { createdBy: user.id };
  }

  @Get('teams/:team/cases')
  list(@CurrentUser() user: AuthenticatedUser, @Param('team') team: string) {
    assertTeamAccess(user, team);
    return { team, userId: user.id };
  }
}

/** Stands in for apps/api's problem-details filter: just enough to see statuses, codes and headers. */
@Catch(SecurityError)
class SecurityProblemFilter implements ExceptionFilter {
  catch(error: SecurityError, host: ArgumentsHost) {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(error.status)
      .set(error.headers)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: error.title,
        status: error.status,
        detail: error.detail,
        code: error.code,
      });
  }
}

async function boot(env: Record<string, string>): Promise<INestApplication> {
  // Rate-limit counters live in the shared Redis: each boot counts apart from other runs.
  const prefix = `auth-e2e:${randomUUID()}:`;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    AUTH_JWT_SECRET: SECRET,
    RATE_LIMIT_REDIS_PREFIX: prefix,
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(config), AuthModule],
    controllers: [DummyController],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.useGlobalFilters(new SecurityProblemFilter());
  return app.init();
}

const token = (sub: string, roles: Role[], teams: string[] = [], ttl?: string) =>
  signDevToken({ sub, roles, teams }, SECRET, ttl);

describe('authentication, roles and team scoping over HTTP', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await boot({ RATE_LIMIT_PER_MINUTE: '10000' });
  });
  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());

  it('serves a @Public() route without a token', async () => {
    await http().get('/open').expect(200, { open: true });
  });

  describe('401', () => {
    it('without a token, with a bare challenge', async () => {
      const response = await http()
        .post('/cases')
        .expect(401)
        .expect('Content-Type', /application\/problem\+json/);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="ehcp"');
      expect(response.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', title: 'Unauthorized' });
    });

    it.each([
      ['a token of another scheme', 'Basic dTE6cGFzcw=='],
      ['garbage', 'Bearer not-a-jwt'],
    ])('with %s', async (_what, authorization) => {
      await http().post('/cases').set('Authorization', authorization).expect(401);
    });

    it('with a token signed by another secret', async () => {
      const forged = await signDevToken({ sub: 'u1', roles: ['admin'], teams: [] }, 'not-the-server-secret');
      const response = await http().get('/teams/north/cases').auth(forged, { type: 'bearer' }).expect(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="ehcp", error="invalid_token"');
      expect(response.body).toMatchObject({
        code: 'UNAUTHENTICATED',
        detail: 'The bearer token is not valid.',
      });
    });

    it('with an expired token, saying so', async () => {
      const expired = await token('u1', ['caseworker'], ['north'], '-1h');
      const response = await http().post('/cases').auth(expired, { type: 'bearer' }).expect(401);
      expect(response.body.detail).toBe('The bearer token has expired.');
    });
  });

  describe('403', () => {
    it('for a role the route does not allow', async () => {
      const manager = await token('m1', ['manager'], ['north']);
      const response = await http().post('/cases').auth(manager, { type: 'bearer' }).expect(403);
      expect(response.body).toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
    });

    it("for another team's cases", async () => {
      const caseworker = await token('u1', ['caseworker'], ['north']);
      const response = await http()
        .get('/teams/south/cases')
        .auth(caseworker, { type: 'bearer' })
        .expect(403);
      expect(response.body).toMatchObject({ status: 403, code: 'FORBIDDEN_TEAM' });
    });

    it('for a token whose roles are all unknown here', async () => {
      const stranger = await token('x1', ['payroll' as Role], ['north']);
      await http().get('/teams/north/cases').auth(stranger, { type: 'bearer' }).expect(403);
    });
  });

  describe('allowed', () => {
    it('the right role', async () => {
      const caseworker = await token('u1', ['caseworker'], ['north']);
      await http().post('/cases').auth(caseworker, { type: 'bearer' }).expect(201, { createdBy: 'u1' });
    });

    it('any role on its own team', async () => {
      const qa = await token('q1', ['qa_officer'], ['north']);
      await http()
        .get('/teams/north/cases')
        .auth(qa, { type: 'bearer' })
        .expect(200, { team: 'north', userId: 'q1' });
    });

    it('admin, whatever the role or team', async () => {
      const admin = await token('a1', ['admin']);
      await http().post('/cases').auth(admin, { type: 'bearer' }).expect(201);
      await http().get('/teams/south/cases').auth(admin, { type: 'bearer' }).expect(200);
    });
  });
});

/** A window of seconds (RATE_LIMIT_WINDOW_SECONDS): the headers count down that window, not a minute. */
describe('rate limiting over HTTP with a window other than a minute', () => {
  const LIMIT = 2;
  const WINDOW_SECONDS = 3;
  let app: INestApplication;
  beforeAll(async () => {
    app = await boot({
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
    });
  });
  afterAll(() => app.close());

  const secondsIn = (value: unknown) => Number(value);

  it('says when the window resets and when to retry within that window, and lets the caller in after it', async () => {
    const user = await token('windowed', ['caseworker'], ['north']);
    const post = () => request(app.getHttpServer()).post('/cases').auth(user, { type: 'bearer' });
    // Until refused: on a machine slow enough to let a window pass, the budget starts again.
    let answer = await post();
    for (let sent = 1; answer.status !== 429 && sent < 20; sent += 1) {
      expect(answer.status).toBe(201);
      expect(answer.headers['x-ratelimit-limit']).toBe(String(LIMIT));
      expect(secondsIn(answer.headers['x-ratelimit-reset'])).toBeGreaterThanOrEqual(1);
      expect(secondsIn(answer.headers['x-ratelimit-reset'])).toBeLessThanOrEqual(WINDOW_SECONDS);
      answer = await post();
    }
    expect(answer.status).toBe(429);
    const retryAfter = secondsIn(answer.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);

    await sleep(retryAfter * 1000);
    await post().expect(201);
  });
});

describe('rate limiting over HTTP', () => {
  const LIMIT = 3;
  let app: INestApplication;
  beforeAll(async () => {
    app = await boot({ RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  });
  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());

  it('gives each user one budget across routes, then 429 with Retry-After', async () => {
    const user = await token('busy', ['caseworker'], ['north']);
    await http()
      .post('/cases')
      .auth(user, { type: 'bearer' })
      .expect(201)
      .expect('X-RateLimit-Limit', String(LIMIT));
    await http().get('/teams/north/cases').auth(user, { type: 'bearer' }).expect(200);
    await http().get('/teams/north/cases').auth(user, { type: 'bearer' }).expect(200);
    const response = await http().post('/cases').auth(user, { type: 'bearer' }).expect(429);
    expect(response.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('keys authenticated callers by user, not by address', async () => {
    const other = await token('calm', ['caseworker'], ['north']);
    await http().post('/cases').auth(other, { type: 'bearer' }).expect(201);
  });

  it('limits requests without a valid token by address', async () => {
    for (let i = 0; i < LIMIT; i += 1)
      await http().post('/cases').set('Authorization', 'Bearer forged').expect(401);
    await http().post('/cases').expect(429);
    const fresh = await token('fresh', ['caseworker'], ['north']);
    await http().post('/cases').auth(fresh, { type: 'bearer' }).expect(201);
  });

  it('never limits @Public() routes', async () => {
    for (let i = 0; i < LIMIT * 2; i += 1) await http().get('/open').expect(200);
  });
});
