import { createServer, type Server, type Socket } from 'node:net';
import { Test } from '@nestjs/testing';
import { APP_CONFIG, ConfigModule, loadConfig, type AppConfig } from '@ehcp/config';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { DeciderCommandRunner } from '../command/decider-command.runner';
import type { Decider } from '../command/decider.types';
import { EventStore } from '../event-store.port';
import { EncryptedEventStore } from '../personal-data/encrypted-event-store.decorator';
import { collect } from '../testing/event-store.contract';
import { EventStoreModule } from './event-store.module';
import { eventStoreOptionsFromConfig } from './event-store.options';
import { EventStoreReadinessCheck } from './event-store.readiness-check';

type Registered = { type: 'Registered'; data: { personal: { firstName: string } } };
const register: Decider<{ firstName: string }, Registered, { registered: boolean }> = {
  initialState: { registered: false },
  evolve: () => ({ registered: true }),
  decide: (command) => [{ type: 'Registered', data: { personal: { firstName: command.firstName } } }],
};

async function boot(config: AppConfig, kurrentTimeoutMs?: number) {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      EventStoreModule.forRootAsync(
        kurrentTimeoutMs === undefined
          ? {}
          : {
              inject: [APP_CONFIG],
              useFactory: (appConfig: AppConfig) => ({
                ...eventStoreOptionsFromConfig(appConfig),
                kurrentdb: { callTimeoutMs: kurrentTimeoutMs },
              }),
            },
      ),
    ],
  }).compile();
  const app = moduleRef.createNestApplication();
  await app.init();
  return app;
}

describe('EventStoreModule', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('es_module');
  });
  afterAll(() => database.drop());

  it('without EVENTSTORE_URL: the encrypted PostgreSQL store, the runner and a readiness check', async () => {
    const app = await boot(loadConfig({ DATABASE_URL: database.url }));
    const store = app.get(EventStore);
    expect(store).toBe(app.get(EncryptedEventStore));
    const result = await app.get(DeciderCommandRunner).run(register, {
      streamName: 'case-1',
      command: { firstName: 'Zebedee' },
      context: { userId: 'u', correlationId: 'c' },
    });
    expect(result.nextExpectedRevision).toBe(0n);
    expect((await collect(store.readStream('case-1')))[0].data.personal).toEqual({ firstName: 'Zebedee' });
    expect(await app.get(EventStoreReadinessCheck).isReady()).toEqual({
      eventStore: { status: 'up', adapter: 'postgresql' },
    });
    await app.close();
    // Shutdown ended the pool: the store no longer answers.
    await expect(store.ping()).rejects.toThrow();
  });

  it('with EVENTSTORE_URL: the KurrentDB adapter, reported down within its timeout when the server never answers', async () => {
    // Accepts connections and never answers.
    const sockets: Socket[] = [];
    const server: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const app = await boot(
      loadConfig({ DATABASE_URL: database.url, EVENTSTORE_URL: `kurrentdb://127.0.0.1:${port}?tls=false` }),
      300,
    );
    try {
      const started = Date.now();
      expect(await app.get(EventStoreReadinessCheck).isReady()).toEqual({
        eventStore: { status: 'down', adapter: 'kurrentdb', message: expect.stringContaining('300 ms') },
      });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await app.close();
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  });
});
