import { join } from 'node:path';
import type { Config } from 'jest';
import base from '../../jest.config';

/**
 * `npm run test:faults`: restarts of private PostgreSQL and Redis servers and kills of app processes
 * under traffic (test/faults/*.fault-spec.ts). Kept out of the default projects: see README, Faults and recovery.
 */
const e2e = (base.projects as Config[]).find((project) => project.displayName === 'e2e');
const config: Config = {
  projects: [
    {
      ...e2e,
      rootDir: join(__dirname, '..', '..'),
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
    },
  ],
};
export default config;
