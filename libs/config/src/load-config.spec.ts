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
      ]);
    }
  });
});
