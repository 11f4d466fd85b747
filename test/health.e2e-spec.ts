import { type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { loadConfig } from '@ehcp/config';
import { ApiModule } from '../apps/api/src/api.module';
import { NotifierModule } from '../apps/notifier/src/notifier.module';
import { ProjectorModule } from '../apps/projector/src/projector.module';
import { exited, startAppProcess, waitUntilReady } from './support/app-process';
import { freePort } from './support/free-port';

/** Each app with exactly the dependencies its readiness checks: those it uses, no others. */
const apps = [
  ['api', ApiModule, ['eventStore', 'postgres', 'redis']],
  ['projector', ProjectorModule, ['deadLetters', 'eventStore', 'postgres']],
  ['notifier', NotifierModule, ['postgres', 'redis']],
] as const;
/** A port nothing listens on: Redis is unreachable there. */
const NO_REDIS = 'redis://127.0.0.1:1';

async function boot(
  register: (typeof apps)[number][1],
  env: Record<string, string> = {},
): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [register.register(loadConfig({ LOG_LEVEL: 'silent', ...env }))],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

describe.each(apps)('%s health', (_name, register, dependencies) => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await boot(register);
  });
  afterAll(() => app.close());

  it('is live', async () => {
    await request(app.getHttpServer())
      .get('/health/live')
      .expect(200, { status: 'ok', info: {}, error: {}, details: {} });
  });

  it('is ready when PostgreSQL and Redis answer', async () => {
    const response = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(response.body.details).toMatchObject({ postgres: { status: 'up' } });
    if (dependencies.some((dependency) => dependency === 'redis'))
      expect(response.body.details).toMatchObject({ redis: { status: 'up' } });
  });

  it('checks exactly the dependencies it uses', async () => {
    const response = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(Object.keys(response.body.details).sort()).toEqual(dependencies);
  });

  it('publishes Prometheus metrics', async () => {
    const response = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(response.text).toContain('process_resident_memory_bytes');
  });
});

describe('readiness when Redis does not answer', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await boot(ApiModule, { REDIS_URL: NO_REDIS });
  });
  afterAll(() => app.close());

  it('answers 503 naming Redis, and stays live', async () => {
    const response = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(response.body.error).toMatchObject({ redis: { status: 'down' } });
    expect(response.body.details.postgres).toEqual({ status: 'up' });
    await request(app.getHttpServer()).get('/health/live').expect(200);
  });
});

describe('process lifecycle', () => {
  it.each([
    ['api', 'PORT', 3910],
    ['projector', 'PROJECTOR_PORT', 3911],
    ['notifier', 'NOTIFIER_PORT', 3912],
  ] as const)(
    '%s becomes ready and exits 0 on SIGTERM',
    async (app, variable, port) => {
      const child = startAppProcess(app, { [variable]: String(port) });
      try {
        await waitUntilReady(child, `http://127.0.0.1:${port}`);
        child.kill('SIGTERM');
        expect(await exited(child)).toBe(0);
      } finally {
        child.kill('SIGKILL');
      }
    },
    300_000,
  );

  it('the projector, which never uses Redis, is ready while Redis is unreachable', async () => {
    const port = await freePort();
    const child = startAppProcess('projector', { PROJECTOR_PORT: String(port), REDIS_URL: NO_REDIS });
    try {
      await waitUntilReady(child, `http://127.0.0.1:${port}`);
      const body = (await (await fetch(`http://127.0.0.1:${port}/health/ready`)).json()) as {
        details: Record<string, unknown>;
      };
      expect(body.details).toMatchObject({ postgres: { status: 'up' }, eventStore: { status: 'up' } });
      expect(body.details).not.toHaveProperty('redis');
      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 300_000);

  it('exits at once naming each bad variable, and the launcher fails as soon as it does', async () => {
    const child = startAppProcess('api', { PORT: 'eighty', DEADLINE_COUNTING: 'roughly' });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The exit, not the 120 s bound, ends the wait (that failure would read "did not answer").
    await expect(waitUntilReady(child, 'http://127.0.0.1:1')).rejects.toThrow(
      /exited \(1\)[\s\S]*PORT:[\s\S]*DEADLINE_COUNTING:/,
    );
    expect(await exited(child)).toBe(1);
    expect(stderr).toContain('PORT:');
    expect(stderr).toContain('DEADLINE_COUNTING:');
  }, 300_000);
});
