// What every test project of the suite shares, today's run and the runs at other days
// (vitest.config.ts, vitest.dates.config.ts).
import { availableParallelism } from 'node:os';

export const excluded = ['node_modules/**', '.data/**', '.tools/**', 'dist/**'];

export const projectDefaults = {
  // Temporal's worker is a native addon: separate processes, not worker threads.
  pool: 'forks',
  testTimeout: 30_000,
  hookTimeout: 120_000,
  // A process runs file after file with the modules it already loaded: loading the app, the SDK
  // and the browser driver again took more time than most files' tests. Each file still has its
  // own database, task queue and worker; what lives in modules is what production shares too.
  isolate: false,
} as const;

/**
 * Test files run side by side. A file spends most of its time waiting on PostgreSQL, Temporal,
 * a browser or a child process, so one more file than there are cores keeps them busy; the
 * runner's default (one fewer) ran a single file at a time on two cores.
 */
export const parallelFiles = availableParallelism() + 1;
