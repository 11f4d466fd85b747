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
const OTHER_LIBS = ['@ehcp/*', '**/libs/*/src/**', '../../*/src/**'];
const APPS = ['**/apps/**', '@ehcp/api', '@ehcp/projector', '@ehcp/notifier'];

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
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: INFRASTRUCTURE,
              message: 'libs/domain is pure: no framework or infrastructure imports.',
            },
            { group: [...OTHER_LIBS, ...APPS], message: 'libs/domain imports no other lib and no app.' },
            {
              regex: '^(?!\\.|@js-joda/core$|fast-check$)',
              message: 'libs/domain imports only itself and @js-joda/core (fast-check in tests).',
            },
          ],
        },
      ],
    },
  },
  {
    // A lib never reaches into an app.
    files: ['libs/**/*.ts'],
    ignores: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: APPS, message: 'A lib must not import an app.' }] },
      ],
    },
  },
  {
    files: ['libs/config/**/*.ts', 'scripts/**/*.mjs', 'test/support/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', URL: 'readonly' },
    },
  },
);
