import { availableParallelism } from 'node:os';
import type { Config } from 'jest';

// One mapping for every project: the libs are imported by alias, as in the apps.
const moduleNameMapper = {
  '^@ehcp/(domain|event-store|read-models|alerts|config|auth)$': '<rootDir>/libs/$1/src',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] };
// No test runs under jest's 5 s default (see the setup files).
const realIoTimeout = ['<rootDir>/test/support/real-io-timeout.ts'];
const base = {
  rootDir: '.',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
};

const config: Config = {
  // Jest's default on a 2-core machine is one worker (every file in band), though most of an
  // integration or e2e file's time is waiting on PostgreSQL, started apps or the browser: two files
  // side by side took the whole run from 738 s to 514 s on the 2-core CI machine, all green. Each
  // file has its own database, Redis key prefix (or Redis) and free ports: files share no state.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/pure-timeout.ts'],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      setupFilesAfterEnv: realIoTimeout,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: realIoTimeout,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
  coverageDirectory: 'coverage',
  // Production code only: specs and test builders are not what the coverage is about.
  collectCoverageFrom: [
    '<rootDir>/{apps,libs}/*/src/**/*.ts',
    '!**/*.spec.ts',
    '!**/*.int-spec.ts',
    '!**/testing/**',
  ],
  // The bar for the pure domain (Given/When/Then specifications): `npm run test:cov` fails below it.
  coverageThreshold: { global: {}, './libs/domain/src/': { lines: 95, branches: 95 } },
};
export default config;
