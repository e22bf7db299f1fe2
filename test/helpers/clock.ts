// The tests' clock: the machine's, moved by AS_OF when the suite runs as if today were another
// day. A test that needs a date computes it from this clock (or from its time-skipping
// environment's), never writes a calendar day that the real date will one day pass.
import { systemClock } from '../../lib/clock.ts';
import { addDays, parisDate, type IsoDate } from '../../domain/dates.ts';

export const testNow: () => Date = systemClock();

/** Today in Paris, on the tests' clock. */
export function testToday(): IsoDate {
  return parisDate(testNow());
}

/**
 * A day whose school year still has two months of service days after the tests' today: the day
 * to load the demo catalogue at when a test books days ahead, whatever the month it runs in (on
 * the last day of a school year, that is the next one).
 */
export function bookableSeasonDay(): IsoDate {
  return addDays(testToday(), 60);
}

/** A day of a school year that starts after the tests' today: the demo catalogue loaded at it lies wholly ahead (every Wednesday of a season to book). */
export function seasonAheadDay(): IsoDate {
  return addDays(testToday(), 365);
}

/** A clock pinned to `start` that a test moves forward (sessions' and lockouts' delays). */
export function movableClock(start: Date): { now: () => Date; advance: (ms: number) => Date } {
  let clock = start;
  return { now: () => clock, advance: (ms: number) => (clock = new Date(clock.getTime() + ms)) };
}
