// The product's one clock. A booking system lives on dates (deadlines in working days, seasons,
// holidays, DST, the end of a year), so outside production `AS_OF` moves the whole product, its
// pages, activities, workflows and demo, to another day: it then runs as if that instant had come
// when the first process read it. The shift is fixed once, in milliseconds, and handed down to
// every child process (test forks, web server processes, workers) in `CLOCK_OFFSET_MS`, so that
// all of them show the same time.
import { isIsoDate, parisInstant } from '../domain/dates.ts';

export const AS_OF_VARIABLE = 'AS_OF';
const OFFSET_VARIABLE = 'CLOCK_OFFSET_MS';

/**
 * The instant an `AS_OF` value names: a day (10:00 in Paris), a Paris wall-clock time
 * (`2027-12-31T23:30`), or an instant with its offset (`2027-12-31T22:30:00Z`). Null when it
 * names none, so that a typo stops the program instead of running at today's date.
 */
export function parseAsOf(value: string): Date | null {
  try {
    return readAsOf(value.trim());
  } catch {
    return null; // a day that does not exist (29 February 2027)
  }
}

function readAsOf(text: string): Date | null {
  if (isIsoDate(text)) return parisInstant(text, 10);
  const local = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (local) {
    const [, day, hours, minutes] = local;
    if (!isIsoDate(day!) || Number(hours) > 23 || Number(minutes) > 59) return null;
    return parisInstant(day!, Number(hours) + Number(minutes) / 60);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/**
 * How far the product's clock runs ahead of the machine's, in milliseconds (0 without `AS_OF`).
 * The first call fixes it and writes it down for child processes.
 */
export function clockOffsetMs(env: NodeJS.ProcessEnv = process.env): number {
  const inherited = env[OFFSET_VARIABLE];
  if (inherited !== undefined && inherited !== '') {
    const offset = Number(inherited);
    if (!Number.isSafeInteger(offset)) throw new Error(`${OFFSET_VARIABLE} must be a whole number of milliseconds`);
    if (offset !== 0 && env.NODE_ENV === 'production') throw new Error(`${OFFSET_VARIABLE} moves the clock: it is refused in production`);
    return offset;
  }
  const asOf = env[AS_OF_VARIABLE];
  if (asOf === undefined || asOf.trim() === '') return 0;
  const instant = parseAsOf(asOf);
  if (!instant) throw new Error(`${AS_OF_VARIABLE} must be a day (2027-07-02), a Paris time (2027-12-31T23:30) or an instant with its offset`);
  if (env.NODE_ENV === 'production') throw new Error(`${AS_OF_VARIABLE} moves the clock: it is refused in production`);
  const offset = instant.getTime() - Date.now();
  env[OFFSET_VARIABLE] = String(offset);
  return offset;
}

/** The product's time now: the machine's, moved by `AS_OF` when it is set. */
export function systemClock(env: NodeJS.ProcessEnv = process.env): () => Date {
  const offset = clockOffsetMs(env);
  return offset === 0 ? () => new Date() : () => new Date(Date.now() + offset);
}
