// Lint rules that catch what the compiler cannot: floating promises (a lost await loses
// errors and ordering) and Node or I/O imports in workflow code (non-deterministic in the sandbox).
import tseslint from 'typescript-eslint';

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
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'Workflow code must not import Node built-ins.' },
            {
              group: ['fs', 'path', 'crypto', 'http', 'https', 'net', 'os', 'child_process', 'pg', 'kysely', 'nodemailer', 'pino'],
              message: 'Workflow code must stay deterministic: do I/O in an activity.',
            },
            { group: ['../activities/*', '../activities/**', '../db/**', '../web/**'], allowTypeImports: true, message: 'Workflows import only types from activities.' },
          ],
        },
      ],
    },
  },
);
