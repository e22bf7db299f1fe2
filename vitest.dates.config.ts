// `npm run test:dates`: the date-sensitive files again, as if today were each of the days that
// break booking systems (scripts/lib/critical-days.ts), one project a day in a single run, so
// that the days share the suite's setup and its files run side by side. Each day's shift is
// fixed when this file is read; the run lasts minutes, so each day's tests meet their instant a
// few minutes late at most (the DST nights are checked half an hour from the jump).
import { defineConfig } from 'vitest/config';
import { parisDate } from './domain/dates.ts';
import { clockOffsetMs, systemClock } from './lib/clock.ts';
import { criticalDays } from './scripts/lib/critical-days.ts';
import { excluded, parallelFiles, projectDefaults } from './vitest.shared.ts';

/** Calendars and deadlines, booking, cancellations, absences, waiting lists, closures, the school year, documents' expiry, the demo and `npm start`; the health view of the service day, the registration's school year, alternate custody weeks. */
export const DATE_SENSITIVE_FILES = [
  'web/booking/booking.test.ts',
  'web/booking/lists.test.ts',
  'web/orders/history.test.ts',
  'web/absences/family.test.ts',
  'workflows/absences/absence.test.ts',
  'web/waitlist/family.test.ts',
  'workflows/waitlist/waitlist.test.ts',
  'web/closures/closures.test.ts',
  'workflows/closures/closure.test.ts',
  'workflows/documents/document-expiry.test.ts',
  'db/demo/load.test.ts',
  'scripts/start.test.ts',
  'web/child-file/staff.test.ts',
  'web/registration/registration.test.ts',
  'web/guardians/guardians.test.ts',
];

/** `npm run test:dates -- FILE…` runs other files at those days. */
const files = process.env.DATE_TEST_FILES ? process.env.DATE_TEST_FILES.split(',') : DATE_SENSITIVE_FILES;
const today = parisDate(systemClock()());

export default defineConfig({
  test: {
    globalSetup: ['test/setup/global-setup.ts'],
    reporters: ['default', './test/setup/dates-reporter.ts'],
    projects: criticalDays(today).map((day) => ({
      test: {
        ...projectDefaults,
        name: `${day.asOf} ${day.label}`,
        include: files,
        exclude: excluded,
        maxWorkers: parallelFiles,
        env: { CLOCK_OFFSET_MS: String(clockOffsetMs({ AS_OF: day.asOf })) },
      },
    })),
  },
});
