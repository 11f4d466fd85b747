import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { NOTIFICATION_SCHEMA } from '@ehcp/alerts';
import { AuthModule, signDevToken, type Role } from '@ehcp/auth';
import { Clock, ClockModule, ConfigModule, loadConfig, ManualClock } from '@ehcp/config';
import { ReadModelsDatabaseModule } from '@ehcp/read-models';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { configureHttp } from '../configure-http';
import { createOpenApiDocument } from '../openapi/openapi';
import { NotificationsModule } from './notifications.module';

const SECRET = 'notifications-test-secret-0123456789';
// The deadlines' present state is evaluated on today in London.
const TODAY = '2026-02-01';

describe('GET /notifications', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let db: DataSource;
  const [northCase, southCase] = [randomUUID(), randomUUID()];

  const token = (roles: Role[], teams: string[]) => signDevToken({ sub: 'user-1', roles, teams }, SECRET);
  const get = async (query: string, roles: Role[] = ['manager'], teams = ['north'], status = 200) =>
    request(app.getHttpServer())
      .get(`/notifications${query}`)
      .set('Authorization', `Bearer ${await token(roles, teams)}`)
      .expect(status);

  beforeAll(async () => {
    database = await createTestDatabase('alerts_api');
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url, AUTH_JWT_SECRET: SECRET });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        AuthModule,
        ReadModelsDatabaseModule.forRoot(NOTIFICATION_SCHEMA),
        NotificationsModule,
      ],
    })
      .overrideProvider(Clock)
      .useValue(ManualClock.on(TODAY))
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    configureHttp(app);
    await app.init();
    db = app.get(DataSource);
    raise = async (caseId: string, team: string, kind: string, dueOn: string, createdAt: string) => {
      const id = randomUUID();
      await db.query(
        `insert into notification (id, deadline_id, case_id, team, kind, warn_days, alert_key, due_on, fire_at, deadline, created_at)
         values ($1, $2 || '/final_plan', $2, $3, $4, $5, $6, $7, $8, $9, $8)`,
        [
          id,
          caseId,
          team,
          kind,
          kind === 'overdue' ? null : 5,
          kind === 'overdue' ? 'overdue' : 'due_soon-5',
          dueOn,
          createdAt,
          { id: 'final_plan' },
        ],
      );
      return id;
    };
    for (const [caseId, team] of [
      [northCase, 'north'],
      [southCase, 'south'],
    ])
      await db.query(
        `insert into case_summary (case_id, team, stage, requested_by, request_received_on, revision)
         values ($1, $2, 'plan_maintained', 'parent', '2025-09-01', 9)`,
        [caseId, team],
      );
    // The north case's final plan was issued a week late, after both alerts.
    await finalPlan(northCase, 'north', { dueOn: '2026-01-19', metOn: '2026-01-26' });
    const warned = await raise(northCase, 'north', 'due_soon', '2026-01-19', '2026-01-14T07:00:00Z');
    await db.query(
      `insert into notification_delivery (notification_id, channel, status, attempts, created_at, updated_at)
       values ($1, 'webhook', 'sent', 1, now(), now()), ($1, 'email', 'failed', 6, now(), now())`,
      [warned],
    );
    await raise(northCase, 'north', 'overdue', '2026-01-19', '2026-01-20T07:00:00Z');
    await raise(southCase, 'south', 'overdue', '2026-01-12', '2026-01-13T07:00:00Z');
  }, 30_000);

  let raise: (
    caseId: string,
    team: string,
    kind: string,
    dueOn: string,
    createdAt: string,
  ) => Promise<string>;
  /** The case's final_plan row of case_deadline, as the projection writes it. */
  const finalPlan = (
    caseId: string,
    team: string,
    { dueOn, metOn = null, cancelled = false }: { dueOn: string; metOn?: string | null; cancelled?: boolean },
  ) =>
    db.query(
      `insert into case_deadline (id, case_id, team, kind, ref, starts_on, due_on, met_on, cancelled,
                                  exception_applies, rule, revision)
       values ($1 || '/final_plan', $1, $2, 'final_plan', null, '2025-09-01', $3, $4, $5, false,
               'SEND Regs 2014 reg 13(2)', 3)`,
      [caseId, team, dueOn, metOn, cancelled],
    );

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it("lists the user's teams' notifications, newest first, with their deliveries", async () => {
    const response = await get('');
    expect(response.body).toEqual({
      total: 2,
      items: [
        {
          id: expect.any(String),
          caseId: northCase,
          deadlineId: 'final_plan',
          kind: 'overdue',
          dueOn: '2026-01-19',
          createdAt: '2026-01-20T07:00:00.000Z',
          deliveries: [],
          deadlineState: 'met',
          deadline: {
            id: 'final_plan',
            kind: 'final_plan',
            title: 'Issue the final plan',
            ref: null,
            startsOn: '2025-09-01',
            dueOn: '2026-01-19',
            metOn: '2026-01-26',
            cancelsOn: null,
            status: 'met_late',
            daysRemaining: null,
            exceptionApplies: false,
            rule: 'SEND Regs 2014 reg 13(2)',
          },
        },
        {
          id: expect.any(String),
          caseId: northCase,
          deadlineId: 'final_plan',
          kind: 'due_soon',
          dueOn: '2026-01-19',
          createdAt: '2026-01-14T07:00:00.000Z',
          deliveries: [
            { channel: 'email', status: 'failed', attempts: 6 },
            { channel: 'webhook', status: 'sent', attempts: 1 },
          ],
          deadlineState: 'met',
          deadline: expect.objectContaining({ metOn: '2026-01-26', status: 'met_late' }),
        },
      ],
    });
  });

  it('shows an admin every team, and filters by case and kind, a page at a time', async () => {
    expect((await get('', ['admin'], [])).body.total).toBe(3);
    expect(
      (await get(`?caseId=${southCase}`, ['admin'], [])).body.items.map((n: { caseId: string }) => n.caseId),
    ).toEqual([southCase]);
    expect((await get(`?caseId=${randomUUID()}`)).body).toEqual({ items: [], total: 0 });
    expect((await get('?kind=due_soon')).body.items.map((n: { kind: string }) => n.kind)).toEqual([
      'due_soon',
    ]);
    const second = (await get('?page=2&pageSize=1')).body;
    expect(second.total).toBe(2);
    expect(second.items.map((n: { kind: string }) => n.kind)).toEqual(['due_soon']);
  });

  it("refuses another team's case (403), as the case screen does", async () => {
    const response = await get(`?caseId=${southCase}`, ['manager'], ['north'], 403);
    expect(response.body.code).toBe('FORBIDDEN_TEAM');
    expect((await get(`?caseId=${southCase}`, ['manager'], ['south'])).body.total).toBe(1);
  });

  it('refuses bad filters (400) and callers without a token (401)', async () => {
    const response = await get('?kind=late&page=0&caseId=42&colour=red', ['manager'], ['north'], 400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'caseId',
      'colour',
      'kind',
      'page',
    ]);
    await request(app.getHttpServer()).get('/notifications').expect(401);
  });

  // After the tests above: its cases are another team's, so their counts stay as they were.
  it("shows each alerted deadline's present state: still open, moved, cancelled or gone", async () => {
    const [open, moved, cancelled, gone] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await finalPlan(open, 'east', { dueOn: '2026-01-26' });
    await finalPlan(moved, 'east', { dueOn: '2026-03-02' });
    await finalPlan(cancelled, 'east', { dueOn: '2026-01-26', cancelled: true });
    for (const [caseId, hour] of [
      [open, 4],
      [moved, 3],
      [cancelled, 2],
      [gone, 1],
    ] as const)
      await raise(caseId, 'east', 'overdue', '2026-01-26', `2026-01-27T0${hour}:00:00Z`);

    const { items } = (await get('', ['manager'], ['east'])).body;
    expect(
      items.map((n: { caseId: string; deadlineState: string; deadline: Record<string, unknown> | null }) => [
        n.caseId,
        n.deadlineState,
        n.deadline && [n.deadline.dueOn, n.deadline.status, n.deadline.daysRemaining],
      ]),
    ).toEqual([
      [open, 'open', ['2026-01-26', 'overdue', -6]],
      [moved, 'moved', ['2026-03-02', 'on_track', 29]],
      [cancelled, 'cancelled', ['2026-01-26', 'cancelled', null]],
      [gone, 'gone', null],
    ]);
  });

  it('documents the new fields in OpenAPI, beside the unchanged ones', () => {
    const { components } = createOpenApiDocument(app);
    const notification = components?.schemas?.NotificationDto as {
      properties: Record<string, Record<string, unknown>>;
      required: string[];
    };
    expect(Object.keys(notification.properties)).toEqual([
      'id',
      'caseId',
      'deadlineId',
      'kind',
      'dueOn',
      'createdAt',
      'deliveries',
      'deadlineState',
      'deadline',
    ]);
    expect(JSON.stringify(notification.properties.deadlineState)).toContain(
      '#/components/schemas/NotificationDeadlineState',
    );
    expect(components?.schemas?.NotificationDeadlineState).toMatchObject({
      enum: ['open', 'met', 'cancelled', 'moved', 'gone'],
    });
    expect(JSON.stringify(notification.properties.deadline)).toContain('#/components/schemas/DeadlineDto');
  });
});
