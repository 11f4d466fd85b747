import { hkdfSync } from 'node:crypto';
import { z } from 'zod';
import { teamsSetting } from './teams.schema';

/** A development-only AES-256 master key (32 zero-free bytes, base64). Production must set its own. */
const DEV_MASTER_KEY = Buffer.from('ehcp-development-master-key-32b!').toString('base64');
const DEV_JWT_SECRET = 'ehcp-development-secret-change-me';
// Its own development secret: a webhook receiver must never learn a secret that can sign tokens.
const DEV_WEBHOOK_SECRET = 'ehcp-development-webhook-secret';

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL with protocol ${protocols.join(' or ')}`,
  );

const port = z.coerce.number().int().min(1).max(65535);

// Names shown to the public (the council's): one line, no control characters.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

const warnDays = z
  .string()
  .regex(/^\d{1,3}(,\d{1,3})*$/, 'must be comma-separated whole numbers of days, e.g. 14,5')
  .transform((value) => [...new Set(value.split(',').map(Number))].sort((a, b) => b - a));

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM, e.g. 07:00');

const masterKey = z
  .string()
  .refine(
    (value) => Buffer.from(value, 'base64').length === 32,
    'must be 32 bytes, base64-encoded (openssl rand -base64 32)',
  );

const searchKey = z
  .string()
  .refine(
    (value) => Buffer.from(value, 'base64').length >= 32,
    'must be at least 32 bytes, base64-encoded (openssl rand -base64 32)',
  );

/**
 * HKDF's info string for the development search key: fixed, so every process derives the same key
 * from the same DATA_MASTER_KEY, and distinct, so the hash key is never the encryption key itself.
 */
export const SEARCH_KEY_HKDF_INFO = 'ehcp case-search name tokens v1';

/** The search key a deployment without SEARCH_HASH_KEY uses: HKDF-SHA256 of DATA_MASTER_KEY (no salt). */
export function derivedSearchHashKey(dataMasterKey: string): string {
  const derived = hkdfSync(
    'sha256',
    Buffer.from(dataMasterKey, 'base64'),
    Buffer.alloc(0),
    SEARCH_KEY_HKDF_INFO,
    32,
  );
  return Buffer.from(derived).toString('base64');
}

/** team code -> e-mail recipients of that team's deadline alerts, e.g. {"north":["manager@council.gov.uk"]}. */
const teamRecipients = z
  .string()
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), z.array(z.email())));

/** (issue 17) team code -> how a family reaches that team, e.g. {"north":{"email":"north@council.gov.uk"}}. */
const teamContacts = z
  .string()
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON' });
      return z.NEVER;
    }
  })
  .pipe(
    z.record(
      z.string(),
      z.object({ email: z.email().optional(), phone: z.string().min(1).max(40).optional() }).strict(),
    ),
  );

/** The national finder of local SENDIASS services (Council for Disabled Children). */
const SENDIASS_FINDER_URL =
  'https://councilfordisabledchildren.org.uk/information-advice-and-support-services-network/find-your-local-ias-service';

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PORT: port.default(3000),
    PROJECTOR_PORT: port.default(3001),
    NOTIFIER_PORT: port.default(3002),
    DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/ehcp'),
    REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
    EVENTSTORE_URL: url(['kurrentdb:', 'kurrentdb+discover:', 'esdb:', 'esdb+discover:']).optional(),
    AUTH_JWT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    AUTH_JWKS_URL: url(['https:', 'http:']).optional(),
    // When set, a token must carry exactly this `iss` / have this among its `aud` (else 401).
    AUTH_JWT_ISSUER: z.string().min(1).max(500).optional(),
    AUTH_JWT_AUDIENCE: z.string().min(1).max(500).optional(),
    DATA_MASTER_KEY: masterKey.optional(),
    // Set only during a rotation (README, Operating notes): still opens the keys it wrapped.
    DATA_MASTER_KEY_PREVIOUS: masterKey.optional(),
    // The key of the hashed name parts cases are searched by (never a name in clear in the read models).
    // Changing it needs a projection rebuild (npm run projections:rebuild).
    SEARCH_HASH_KEY: searchKey.optional(),
    ALERT_WARN_DAYS: warnDays.default([14, 5]),
    ALERT_LOCAL_TIME: localTime.default('07:00'),
    ALERT_WEBHOOK_URL: url(['https:', 'http:']).optional(),
    ALERT_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    ALERT_TEAM_RECIPIENTS: teamRecipients.default({}),
    ALERT_SWEEP_MINUTES: z.coerce.number().int().min(1).max(60).default(5),
    // Redis key prefix of the notifier's queues: deployments sharing one Redis each set their own.
    ALERT_QUEUE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'must be 1-64 letters, digits, _ . : or -')
      .default('ehcp'),
    // `digest`: one e-mail a day per recipient listing that day's alerts, instead of one per alert.
    ALERT_EMAIL_MODE: z.enum(['each', 'digest']).default('each'),
    SMTP_URL: url(['smtp:', 'smtps:']).optional(),
    SMTP_FROM: z.email().default('ehcp-alerts@localhost'),
    DEADLINE_COUNTING: z.enum(['legal', 'day_one']).default('legal'),
    // The council's teams (API.md): when set, any other team code is refused (400). Production needs it.
    TEAMS: teamsSetting.optional(),
    // Each caller's budget: RATE_LIMIT_PER_MINUTE requests per fixed window of RATE_LIMIT_WINDOW_SECONDS
    // (a minute unless set; tests shorten it so that waiting out a window takes seconds).
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    RATE_LIMIT_REDIS_PREFIX: z.string().min(1).default('ehcp:rate-limit:'),
    IDEMPOTENCY_KEY_RETENTION_HOURS: z.coerce.number().int().min(1).default(24),
    // Cases whose state each api process keeps to decide their next command without reading (0: none).
    COMMAND_STATE_CACHE_CASES: z.coerce.number().int().min(0).max(100_000).default(2_000),
    // API.md: a query with minPosition waits up to 5 s for the read models, then answers 503.
    READ_YOUR_WRITES_WAIT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
    // Clients of the api (the caseload import): where it answers (default http://127.0.0.1:${PORT}).
    API_URL: url(['https:', 'http:']).optional(),
    // A bearer token for `npm run import` (else it signs an admin token with AUTH_JWT_SECRET).
    IMPORT_TOKEN: z.string().min(1).optional(),
    // apps/web (README, Web app): its port, its session and its sign-in.
    WEB_PORT: port.default(3003),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SESSION_TIMEOUT_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    WEB_API_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    // (issue 17) The family page (/family/{token}): whom a family contacts, and where to get independent help.
    // The defaults are demonstration values: 01632 960xxx numbers are reserved for drama (Ofcom).
    FAMILY_CONTACT_EMAIL: z.email().default('send.team@example.gov.uk'),
    FAMILY_CONTACT_PHONE: z.string().min(1).max(40).default('01632 960000'),
    TEAM_CONTACTS: teamContacts.default({}),
    SENDIASS_NAME: z
      .string()
      .min(1)
      .max(200)
      .default('Your local SENDIASS (information, advice and support service)'),
    SENDIASS_URL: url(['https:', 'http:']).default(SENDIASS_FINDER_URL),
    OIDC_ISSUER_URL: url(['https:', 'http:']).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_REDIRECT_URL: url(['https:', 'http:']).optional(),
    OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
    OIDC_TEAMS_CLAIM: z.string().min(1).default('teams'),
    OIDC_SCOPES: z.string().min(1).default('openid profile email'),
    // (2nd ed.) The family's private link (issue 17): how many days a new one works by default, and
    // the web app's public address the link points at (`${WEB_URL}/family/<token>`).
    FAMILY_LINK_DAYS: z.coerce.number().int().min(1).max(365).default(90),
    WEB_URL: url(['https:', 'http:'])
      .transform((value) => value.replace(/\/+$/, ''))
      .default('http://localhost:3003'),
    // The council's name on the published timeliness figures (GET /public/timeliness).
    COUNCIL_NAME: z
      .string()
      .max(100, 'must be at most 100 characters')
      .refine((value) => value.trim() !== '' && !CONTROL_CHARACTERS.test(value), 'must be a name on one line')
      .default('The council'),
  })
  .superRefine((env, ctx) => {
    const teams = env.TEAMS?.map((team) => team.code);
    for (const team of Object.keys(env.ALERT_TEAM_RECIPIENTS))
      if (teams && !teams.includes(team))
        ctx.addIssue({
          code: 'custom',
          path: ['ALERT_TEAM_RECIPIENTS'],
          message: `names team ${team}, which is not in TEAMS`,
        });
    for (const team of Object.keys(env.TEAM_CONTACTS))
      if (teams && !teams.includes(team))
        ctx.addIssue({
          code: 'custom',
          path: ['TEAM_CONTACTS'],
          message: `names team ${team}, which is not in TEAMS`,
        });
    if (env.NODE_ENV !== 'production') return;
    // Development defaults are public: production must bring its own secrets.
    if (!env.AUTH_JWT_SECRET && !env.AUTH_JWKS_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_JWT_SECRET'],
        message: 'AUTH_JWT_SECRET or AUTH_JWKS_URL is required in production',
      });
    if (!env.DATA_MASTER_KEY)
      ctx.addIssue({ code: 'custom', path: ['DATA_MASTER_KEY'], message: 'is required in production' });
    if (!env.SEARCH_HASH_KEY)
      ctx.addIssue({ code: 'custom', path: ['SEARCH_HASH_KEY'], message: 'is required in production' });
    // Without it a mistyped team code opens a case that no team's views ever show.
    if (!env.TEAMS)
      ctx.addIssue({
        code: 'custom',
        path: ['TEAMS'],
        message: 'is required in production: the team codes, e.g. north=North team,south=South team',
      });
    if (env.ALERT_WEBHOOK_URL && !env.ALERT_WEBHOOK_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['ALERT_WEBHOOK_SECRET'],
        message: 'is required when ALERT_WEBHOOK_URL is set',
      });
  })
  .transform((env) => ({
    ...env,
    AUTH_JWT_SECRET: env.AUTH_JWT_SECRET ?? (env.AUTH_JWKS_URL ? undefined : DEV_JWT_SECRET),
    DATA_MASTER_KEY: env.DATA_MASTER_KEY ?? DEV_MASTER_KEY,
    SEARCH_HASH_KEY: env.SEARCH_HASH_KEY ?? derivedSearchHashKey(env.DATA_MASTER_KEY ?? DEV_MASTER_KEY),
    ALERT_WEBHOOK_SECRET: env.ALERT_WEBHOOK_SECRET ?? DEV_WEBHOOK_SECRET,
  }));

export type AppConfig = z.output<typeof configSchema>;
