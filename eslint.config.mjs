// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const INFRASTRUCTURE = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'pg-*',
  'bullmq',
  'ioredis',
  '@kurrent/*',
  '@eventstore/*',
];
const NODE_IO = [
  'node:*',
  ...['fs', 'fs/*', 'path', 'os', 'net', 'http', 'https', 'http2', 'tls', 'dns', 'dgram'],
  ...['child_process', 'cluster', 'worker_threads', 'crypto', 'stream', 'readline', 'zlib', 'process'],
];
const APP_NAMES = ['api', 'projector', 'notifier', 'web'];
const LIB_NAMES = ['domain', 'event-store', 'read-models', 'alerts', 'config', 'auth'];
/**
 * An import of one of the apps or libs `names` in `folder` (apps or libs), matched on the import's
 * text: by alias, by a path through the folder, or by a relative path from a sibling
 * (`../../projector/src/...`).
 */
const into = (folder, names) => {
  const any = names.join('|');
  return `^@ehcp/(${any})(/|$)|(^|/)${folder}/(${any})(/|$)|^(\\.\\./)+(${any})/src(/|$)`;
};
const intoApps = (names) => into('apps', names);
const ANY_APP = intoApps(APP_NAMES);
const NOT_DOMAIN_LIBS = into(
  'libs',
  LIB_NAMES.filter((lib) => lib !== 'domain'),
);
const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'docker/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      // Configuration is read and validated in one place (libs/config); everything else is injected.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through @ehcp/config.' },
      ],
    },
  },
  {
    // The domain is pure: it imports nothing but itself and its date library.
    files: ['libs/domain/**/*.ts'],
    rules: restrictImports(
      { group: INFRASTRUCTURE, message: 'libs/domain is pure: no framework or infrastructure imports.' },
      { group: NODE_IO, message: 'libs/domain is pure: no I/O (node built-ins).' },
      { regex: NOT_DOMAIN_LIBS, message: 'libs/domain imports no other lib.' },
      { regex: ANY_APP, message: 'libs/domain imports no app.' },
      {
        regex: '^(?!\\.|@js-joda/core$|fast-check$)',
        message: 'libs/domain imports only itself and @js-joda/core (fast-check in tests).',
      },
    ),
  },
  {
    // A lib never reaches into an app.
    files: ['libs/**/*.ts'],
    ignores: ['libs/domain/**/*.ts'],
    rules: restrictImports({ regex: ANY_APP, message: 'A lib must not import an app.' }),
  },
  {
    // The projector's engine (runner, batches, checkpoint, dead letters, rebuild) imports the read
    // models' schema and projections, never the other way round.
    files: ['libs/read-models/**/*.ts'],
    rules: restrictImports(
      {
        regex: intoApps(['projector']),
        message:
          "libs/read-models imports no projector engine: it lives in apps/projector and uses this lib's index.",
      },
      { regex: ANY_APP, message: 'A lib must not import an app.' },
    ),
  },
  // An app never imports another app: what two apps share is a lib.
  ...APP_NAMES.map((app) => ({
    files: [`apps/${app}/**/*.ts`],
    rules: restrictImports({
      regex: intoApps(APP_NAMES.filter((other) => other !== app)),
      message: `apps/${app} must not import another app: move what they share into a lib.`,
    }),
  })),
  {
    // The web app is a client of apps/api over HTTP: it never reads the database or the event store.
    files: ['apps/web/**/*.ts'],
    rules: restrictImports(
      {
        regex: intoApps(APP_NAMES.filter((other) => other !== 'web')),
        message: 'apps/web must not import another app.',
      },
      {
        regex: into('libs', ['event-store', 'read-models', 'alerts']),
        message:
          'apps/web imports only libs/config, libs/auth and libs/domain: it reads data through apps/api.',
      },
      {
        group: ['typeorm', 'pg', 'pg-*', '@kurrent/*', 'bullmq'],
        message: 'apps/web never reads the database.',
      },
    ),
  },
  {
    files: ['libs/config/**/*.ts', 'scripts/**/*.mjs', 'test/support/**/*.ts', 'test/web/support/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', URL: 'readonly' },
    },
  },
);
