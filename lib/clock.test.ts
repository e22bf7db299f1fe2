// AS_OF: the day the product lives as if it were today, read once and handed down to child processes.
import { describe, expect, it } from 'vitest';
import { clockOffsetMs, parseAsOf, systemClock } from './clock.ts';

describe('AS_OF', () => {
  it('reads a day as 10:00 in Paris, a wall-clock time in Paris (winter and summer), or an instant', () => {
    expect(parseAsOf('2028-02-29')?.toISOString()).toBe('2028-02-29T09:00:00.000Z');
    expect(parseAsOf('2027-12-31T23:30')?.toISOString()).toBe('2027-12-31T22:30:00.000Z');
    expect(parseAsOf('2027-07-02T08:00')?.toISOString()).toBe('2027-07-02T06:00:00.000Z');
    // The nights the clocks change: 01:30 before, 03:30 after the jump (28 March 2027, 31 October 2027).
    expect(parseAsOf('2027-03-28T01:30')?.toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(parseAsOf('2027-03-28T03:30')?.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(parseAsOf('2027-10-31T01:30')?.toISOString()).toBe('2027-10-30T23:30:00.000Z');
    expect(parseAsOf('2027-10-31T03:30')?.toISOString()).toBe('2027-10-31T02:30:00.000Z');
    expect(parseAsOf('2027-12-31T22:30:00Z')?.toISOString()).toBe('2027-12-31T22:30:00.000Z');
    for (const typo of ['2027-02-29', '31/12/2027', '2027-12-31T24:00', '2027-12-31 23:30', 'demain']) expect(parseAsOf(typo)).toBeNull();
  });

  it('fixes the shift once and hands it down, so that every process shows the same time', () => {
    const env: NodeJS.ProcessEnv = { AS_OF: '2028-02-29T08:15' };
    const offset = clockOffsetMs(env);
    expect(env.CLOCK_OFFSET_MS).toBe(String(offset));
    // A child process inherits the shift, not AS_OF's reading at its own start.
    expect(clockOffsetMs({ CLOCK_OFFSET_MS: env.CLOCK_OFFSET_MS, AS_OF: '2020-01-01' })).toBe(offset);
    const shown = systemClock(env)();
    expect(Math.abs(shown.getTime() - Date.parse('2028-02-29T07:15:00Z'))).toBeLessThan(60_000);
  });

  it('leaves the clock alone without AS_OF, and refuses it in production or mistyped', () => {
    expect(clockOffsetMs({})).toBe(0);
    expect(() => clockOffsetMs({ AS_OF: '2027-07-02', NODE_ENV: 'production' })).toThrow('refused in production');
    expect(() => clockOffsetMs({ CLOCK_OFFSET_MS: '86400000', NODE_ENV: 'production' })).toThrow('refused in production');
    expect(() => clockOffsetMs({ AS_OF: 'bientôt' })).toThrow('AS_OF must be');
  });
});
