import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@ehcp/config';

export interface TestDatabase {
  /** Connection URL of a fresh, empty database on the real PostgreSQL. */
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

function adminUrl(): URL {
  const url = new URL(loadConfig().DATABASE_URL);
  url.pathname = '/postgres';
  return url;
}

/** A throwaway database for one test file: create in beforeAll, drop in afterAll. */
export async function createTestDatabase(prefix = 'ehcp_test'): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl().toString() });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new Client({ connectionString: adminUrl().toString() });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
