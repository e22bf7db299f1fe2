import { defineConfig } from 'vitest/config';
import { clockOffsetMs } from './lib/clock.ts';
import { excluded, parallelFiles, projectDefaults } from './vitest.shared.ts';

// AS_OF runs the suite as if today were another day: the shift is fixed here, once, and every
// test process, server and worker of the run inherits it (lib/clock.ts).
const clockShift = String(clockOffsetMs());

export default defineConfig({
  test: {
    globalSetup: ['test/setup/global-setup.ts'],
    env: { CLOCK_OFFSET_MS: clockShift },
    reporters: ['default'],
    projects: [
      {
        test: {
          ...projectDefaults,
          name: 'suite',
          include: ['**/*.test.ts', '**/*.test.tsx'],
          exclude: [...excluded, 'test/reliability/**'],
          maxWorkers: parallelFiles,
        },
      },
      {
        // Crashes, timeouts and a patient parent's waits: measured on a machine that runs
        // nothing else of the suite, once every other file is done.
        test: {
          ...projectDefaults,
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          exclude: excluded,
          maxWorkers: 1,
          isolate: true,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
