import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { connectSqlClient } from './sql-client';

describe('connectSqlClient', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('rm_sql_client');
  });
  afterAll(() => database.drop());

  it('asks the server to drop the session (and the leader lock) within seconds of its peer vanishing', async () => {
    const client = await connectSqlClient(database.url, () => undefined);
    try {
      const { rows } = await client.query<Record<string, string>>(
        `select current_setting('tcp_keepalives_idle') as idle,
                current_setting('tcp_keepalives_interval') as interval,
                current_setting('tcp_keepalives_count') as count,
                current_setting('tcp_user_timeout') as "userTimeout"`,
      );
      // Over TCP (the test database's URL is 127.0.0.1) the server reports the values in force.
      expect(rows[0]).toEqual({ idle: '5', interval: '1', count: '3', userTimeout: '8000' });
    } finally {
      await client.end();
    }
  });
});
