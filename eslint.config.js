// Lint rules that catch what the compiler cannot: floating promises (a lost await loses errors
// and ordering), Node or I/O imports in workflow code (non-deterministic in the sandbox), and the
// floors of the tree: domain/ (pure rules) → lib/ (libraries with I/O) → db/ (schema, queries) →
// activities/ and workflows/ → web/ → server.ts, worker.ts, scripts/. An import never points up.
import tseslint from 'typescript-eslint';
import capabilities from './scripts/lint/capability-imports.js';

const ioPackages = ['fs', 'path', 'crypto', 'http', 'https', 'net', 'os', 'child_process', 'pg', 'kysely', 'nodemailer', 'pino', 'hono', 'hono/*'];

/** Patterns that forbid importing the given top-level folders, from any depth. */
const above = (...floors) => floors.map((floor) => ({ group: [`**/${floor}/**`, `**/${floor}`], message: `An import never points up: ${floor}/ is a higher floor.` }));

const floor = (files, patterns) => ({
  files,
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', '.tools/', 'dist/', 'bench/results/'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.base],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // The suite runs at other days (AS_OF): a test, the demo or a benchmark that read the machine's
    // clock would compare the days it books with a day that AS_OF did not move.
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['test/helpers/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read the product\'s clock (testNow in tests, systemClock elsewhere), which AS_OF moves; performance.now() for a duration.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Read the product\'s clock (testNow in tests, systemClock elsewhere), which AS_OF moves; performance.now() for a duration.' },
      ],
    },
  },
  floor(['domain/**/*.ts'], [
    { group: ['node:*', ...ioPackages], message: 'domain/ holds pure rules: no I/O.' },
    ...above('lib', 'db', 'activities', 'workflows', 'web', 'scripts', 'bench', 'test'),
  ]),
  floor(['lib/**/*.ts', 'lib/**/*.tsx'], above('db', 'activities', 'workflows', 'web', 'scripts', 'bench', 'test')),
  floor(['db/**/*.ts'], above('activities', 'workflows', 'web', 'scripts', 'bench', 'test')),
  floor(['activities/**/*.ts'], above('web', 'scripts', 'bench', 'test')),
  {
    ...floor(['web/**/*.ts', 'web/**/*.tsx'], [
      ...above('scripts', 'bench', 'test'),
      { group: ['@temporalio/client'], allowTypeImports: true, message: "Pages reach Temporal through the named calls of their capability's door, web/<capability>/workflows.ts." },
      { group: ['kysely', 'pg'], allowTypeImports: true, message: 'All SQL lives in db/queries: call a query function.' },
    ]),
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'web/*/workflows.ts', 'web/http/workflow-door.ts'],
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|transaction)$/]',
          message: 'All SQL lives in db/queries: call a query function.',
        },
      ],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'Workflow code must not import Node built-ins.' },
            { group: ioPackages, message: 'Workflow code must stay deterministic: do I/O in an activity.' },
            {
              group: ['**/activities/*', '**/activities/**', '**/lib/**', '**/db/**'],
              allowTypeImports: true,
              message: 'Workflows import only types from the floors below.',
            },
            ...above('web', 'scripts', 'bench', 'test'),
          ],
        },
      ],
    },
  },
  {
    // A capability reaches another's folder only through its index.ts, and composes its mails in
    // activities/<capability>/mails.ts (scripts/lint/capability-imports.js).
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'bench/**'],
    plugins: { capabilities },
    rules: { 'capabilities/through-index': 'error', 'capabilities/mails-in-mails': 'error' },
  },
);
