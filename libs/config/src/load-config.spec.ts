import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('gives safe development defaults for every variable', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/ehcp',
      REDIS_URL: 'redis://127.0.0.1:6379',
      ALERT_WARN_DAYS: [14, 5],
      ALERT_LOCAL_TIME: '07:00',
      DEADLINE_COUNTING: 'legal',
    });
    expect(config.EVENTSTORE_URL).toBeUndefined();
    expect(Buffer.from(config.DATA_MASTER_KEY, 'base64')).toHaveLength(32);
    expect(config.AUTH_JWT_SECRET).toBeDefined();
  });

  it('parses the values a council sets', () => {
    const config = loadConfig({
      PORT: '8080',
      ALERT_WARN_DAYS: '5,14,5',
      ALERT_LOCAL_TIME: '08:30',
      DEADLINE_COUNTING: 'day_one',
      EVENTSTORE_URL: 'kurrentdb://127.0.0.1:2113?tls=false',
      ALERT_TEAM_RECIPIENTS: '{"north":["manager@example.org"]}',
    });
    expect(config.PORT).toBe(8080);
    expect(config.ALERT_WARN_DAYS).toEqual([14, 5]);
    expect(config.ALERT_LOCAL_TIME).toBe('08:30');
    expect(config.DEADLINE_COUNTING).toBe('day_one');
    expect(config.EVENTSTORE_URL).toBe('kurrentdb://127.0.0.1:2113?tls=false');
    expect(config.ALERT_TEAM_RECIPIENTS).toEqual({ north: ['manager@example.org'] });
  });

  it('treats empty strings as unset', () => {
    const config = loadConfig({ EVENTSTORE_URL: '', PORT: '' });
    expect(config.EVENTSTORE_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
  });

  it('names every bad variable at once', () => {
    const attempt = () =>
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://localhost/ehcp',
        ALERT_WARN_DAYS: '14;5',
        ALERT_LOCAL_TIME: '7am',
        DEADLINE_COUNTING: 'approximately',
        DATA_MASTER_KEY: 'too-short',
        ALERT_TEAM_RECIPIENTS: '{"north":["not-an-email"]}',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const variables = (error as ConfigError).problems.map((p) => p.variable).sort();
      expect(variables).toEqual([
        'ALERT_LOCAL_TIME',
        'ALERT_TEAM_RECIPIENTS',
        'ALERT_WARN_DAYS',
        'DATABASE_URL',
        'DATA_MASTER_KEY',
        'DEADLINE_COUNTING',
        'PORT',
      ]);
      expect((error as Error).message).toContain('PORT:');
    }
  });

  it('demands real secrets in production', () => {
    try {
      loadConfig({ NODE_ENV: 'production', ALERT_WEBHOOK_URL: 'https://hooks.example.org/ehcp' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual([
        'ALERT_WEBHOOK_SECRET',
        'AUTH_JWT_SECRET',
        'DATA_MASTER_KEY',
        'SEARCH_HASH_KEY',
        'TEAMS',
      ]);
    }
  });

  describe('SEARCH_HASH_KEY', () => {
    const masterKey = Buffer.alloc(32, 7).toString('base64');

    it('is derived from DATA_MASTER_KEY by HKDF when unset: the same in every process, never the key itself', () => {
      const first = loadConfig({ DATA_MASTER_KEY: masterKey }).SEARCH_HASH_KEY;
      expect(loadConfig({ DATA_MASTER_KEY: masterKey }).SEARCH_HASH_KEY).toBe(first);
      expect(Buffer.from(first, 'base64')).toHaveLength(32);
      expect(first).not.toBe(masterKey);
      expect(loadConfig({}).SEARCH_HASH_KEY).not.toBe(first);
    });

    it('takes a key of 32 bytes or more, and refuses a shorter one', () => {
      const key = Buffer.alloc(48, 3).toString('base64');
      expect(loadConfig({ SEARCH_HASH_KEY: key }).SEARCH_HASH_KEY).toBe(key);
      expect(() => loadConfig({ SEARCH_HASH_KEY: Buffer.alloc(16).toString('base64') })).toThrow(
        /SEARCH_HASH_KEY: must be at least 32 bytes/,
      );
    });
  });

  describe('TEAMS (API.md: comma-separated codes, each optionally code=Display name)', () => {
    const problemsOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };

    it('is unset by default: development accepts any well-formed team code', () => {
      expect(loadConfig({}).TEAMS).toBeUndefined();
    });

    it('parses codes and display names; a name defaults to its code', () => {
      expect(loadConfig({ TEAMS: 'north=North team, south ,east-1=East = One' }).TEAMS).toEqual([
        { code: 'north', name: 'North team' },
        { code: 'south', name: 'south' },
        { code: 'east-1', name: 'East = One' },
      ]);
    });

    it.each([
      ['an empty entry', 'north,,south'],
      ['a code with a space', 'north team=North'],
      ['an over-long code', `${'n'.repeat(51)}`],
      ['an empty name', 'north='],
      ['a name with a control character', 'north=North\u0007'],
      ['a code listed twice', 'north=North,south,north=Again'],
    ])('refuses %s, naming TEAMS', (_what, TEAMS) => {
      expect(problemsOf({ TEAMS }).map((p) => p.variable)).toEqual(['TEAMS']);
    });

    it('is required in production', () => {
      const secrets = {
        NODE_ENV: 'production',
        AUTH_JWT_SECRET: 'a-production-secret-0123456789',
        DATA_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
        SEARCH_HASH_KEY: Buffer.alloc(32, 9).toString('base64'),
      };
      expect(problemsOf(secrets).map((p) => p.variable)).toEqual(['TEAMS']);
      expect(loadConfig({ ...secrets, TEAMS: 'north,south' }).TEAMS).toHaveLength(2);
    });

    it('must list every team of ALERT_TEAM_RECIPIENTS', () => {
      const recipients = '{"north":["a@example.org"],"nroth":["b@example.org"]}';
      expect(problemsOf({ TEAMS: 'north,south', ALERT_TEAM_RECIPIENTS: recipients })).toEqual([
        { variable: 'ALERT_TEAM_RECIPIENTS', message: 'names team nroth, which is not in TEAMS' },
      ]);
      expect(problemsOf({ ALERT_TEAM_RECIPIENTS: recipients })).toEqual([]);
    });
  });

  describe("(2nd ed.) the family's private link and the published figures (issue 17)", () => {
    it('default to 90 days, the development web app and "The council"', () => {
      expect(loadConfig({})).toMatchObject({
        FAMILY_LINK_DAYS: 90,
        WEB_URL: 'http://localhost:3003',
        COUNCIL_NAME: 'The council',
      });
    });

    it("take a council's values; the web address loses a trailing slash", () => {
      expect(
        loadConfig({
          FAMILY_LINK_DAYS: '28',
          WEB_URL: 'https://send.example.gov.uk/',
          COUNCIL_NAME: 'Exampleshire County Council',
        }),
      ).toMatchObject({
        FAMILY_LINK_DAYS: 28,
        WEB_URL: 'https://send.example.gov.uk',
        COUNCIL_NAME: 'Exampleshire County Council',
      });
    });

    it.each([
      ['FAMILY_LINK_DAYS', '0'],
      ['FAMILY_LINK_DAYS', '366'],
      ['FAMILY_LINK_DAYS', '1.5'],
      ['WEB_URL', 'ftp://send.example.gov.uk'],
      ['COUNCIL_NAME', '   '],
      ['COUNCIL_NAME', 'Exampleshire\nCouncil'],
      ['COUNCIL_NAME', 'x'.repeat(101)],
    ])('refuses %s=%j, naming it', (variable, value) => {
      expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`${variable}:`));
    });
  });

  describe("the rate limit's window (RATE_LIMIT_WINDOW_SECONDS)", () => {
    it('is a minute unless set, and takes whole seconds', () => {
      expect(loadConfig({}).RATE_LIMIT_WINDOW_SECONDS).toBe(60);
      expect(loadConfig({ RATE_LIMIT_WINDOW_SECONDS: '5' }).RATE_LIMIT_WINDOW_SECONDS).toBe(5);
    });

    it.each(['0', '1.5', '3601', 'a minute'])('refuses RATE_LIMIT_WINDOW_SECONDS=%j, naming it', (value) => {
      expect(() => loadConfig({ RATE_LIMIT_WINDOW_SECONDS: value })).toThrow(/RATE_LIMIT_WINDOW_SECONDS:/);
    });
  });
});
