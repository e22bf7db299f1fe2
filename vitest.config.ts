import { defineConfig } from 'vitest/config';
import { clockOffsetMs } from './lib/clock.ts';

// AS_OF runs the suite as if today were another day: the shift is fixed here, once, and every
// test process, server and worker of the run inherits it (lib/clock.ts).
const clockShift = String(clockOffsetMs());

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.data/**', '.tools/**', 'dist/**'],
    globalSetup: ['test/setup/global-setup.ts'],
    // Temporal's worker is a native addon: separate processes, not worker threads.
    pool: 'forks',
    env: { CLOCK_OFFSET_MS: clockShift },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
