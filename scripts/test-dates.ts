// `npm run test:dates [-- FILE…]`: the date-sensitive test files (or the files named) as if today
// were each of the days that break booking systems, in one test run (vitest.dates.config.ts).
import { spawn } from 'node:child_process';

const only = process.argv.slice(2);
const { CLOCK_OFFSET_MS: _inherited, AS_OF: _asOf, ...env } = process.env;
const child = spawn('npx', ['vitest', 'run', '--config', 'vitest.dates.config.ts'], {
  stdio: 'inherit',
  env: only.length > 0 ? { ...env, DATE_TEST_FILES: only.join(',') } : env,
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
