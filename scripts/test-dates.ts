// `npm run test:dates`: the date-sensitive test files run again as if today were each of the days
// that break booking systems (scripts/lib/critical-days.ts), each the next one from today, with
// AS_OF. A run that finds nothing wrong at one day says so; any failure fails the whole.
import { spawn } from 'node:child_process';
import { parisDate } from '../domain/dates.ts';
import { systemClock } from '../lib/clock.ts';
import { criticalDays } from './lib/critical-days.ts';

/** Calendars and deadlines, booking, cancellations, absences, waiting lists, closures, the school year, documents' expiry, the demo and `npm start`. */
const DATE_SENSITIVE_FILES = [
  'web/routes/booking.test.ts',
  'web/routes/booking-lists.test.ts',
  'web/routes/history.test.ts',
  'web/routes/absences.test.ts',
  'workflows/absence.test.ts',
  'web/routes/waitlist.test.ts',
  'workflows/waitlist.test.ts',
  'web/routes/agent/closures.test.ts',
  'workflows/closure.test.ts',
  'workflows/document-expiry.test.ts',
  'db/demo/load.test.ts',
  'scripts/start.test.ts',
];

function runAt(asOf: string, files: string[]): Promise<number> {
  return new Promise((resolve) => {
    const { CLOCK_OFFSET_MS: _inherited, ...env } = process.env;
    const child = spawn('npx', ['vitest', 'run', ...files], { stdio: 'inherit', env: { ...env, AS_OF: asOf } });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = only.length > 0 ? only : DATE_SENSITIVE_FILES;
  const days = criticalDays(parisDate(systemClock()()));
  const failed: string[] = [];
  for (const day of days) {
    console.log(`\n=== As of ${day.asOf} (${day.label}) ===`);
    if ((await runAt(day.asOf, files)) !== 0) failed.push(`${day.asOf} (${day.label})`);
  }
  console.log(`\nDates: ${days.length - failed.length} passed, ${failed.length} failed`);
  for (const day of failed) console.log(`failed as of ${day}`);
  process.exit(failed.length === 0 ? 0 : 1);
}

await main();
