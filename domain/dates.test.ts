import { describe, expect, it } from 'vitest';
import { addDays, formatLongDate, formatParisWeekdayHour, formatShortDate, formatShortDeadline, isIsoDate, isoWeekday, parisDate, parisInstant, parseIsoDate, remembered } from './dates.ts';

describe('dates', () => {
  it('writes dates the way the reference platform does', () => {
    expect(formatShortDate('2023-06-28')).toBe('28-06-2023');
    expect(formatLongDate('2023-06-28')).toBe('mercredi 28 juin 2023');
    expect(formatLongDate('2027-02-01')).toBe('lundi 1 février 2027');
  });

  it('writes an hour with a space on each side of its « h »', () => {
    expect(formatParisWeekdayHour(parisInstant('2026-12-07', 12))).toBe('lundi 7 décembre à 12 h');
    expect(formatParisWeekdayHour(new Date(parisInstant('2026-12-07', 23).getTime() + 6 * 60_000))).toBe('lundi 7 décembre à 23 h 06');
    expect(formatShortDeadline(new Date(parisInstant('2026-12-14', 11).getTime() + 30 * 60_000))).toBe('lun. 11 h 30');
  });

  it('knows ISO weekdays', () => {
    expect(isoWeekday('2023-05-31')).toBe(3);
    expect(isoWeekday('2023-06-04')).toBe(7);
    expect(isoWeekday('2023-06-05')).toBe(1);
  });

  it('adds days across months, years and the daylight-saving change', () => {
    expect(addDays('2023-06-28', 7)).toBe('2023-07-05');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
  });

  it('rejects dates that do not exist', () => {
    expect(() => parseIsoDate('2023-02-30')).toThrow(RangeError);
    expect(() => parseIsoDate('28-06-2023')).toThrow(RangeError);
  });

  it("answers no, without throwing, for a form's day the calendar has not", () => {
    for (const day of ['2023-02-29', '2019-02-30', '2019-13-01', '0000-00-00', '2026-1-5', '']) expect(isIsoDate(day), day).toBe(false);
    for (const day of ['2024-02-29', '2026-12-31']) expect(isIsoDate(day), day).toBe(true);
  });

  it('tells the French calendar day of an instant', () => {
    expect(parisDate(new Date('2026-11-27T23:30:00Z'))).toBe('2026-11-28');
    expect(parisDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });
});

describe('remembered', () => {
  it('computes each answer once, and starts afresh when full', () => {
    let calls = 0;
    const square = remembered((n: number) => (calls += 1, n * n), 2);
    expect([square(3), square(3), square(4)]).toEqual([9, 9, 16]);
    expect(calls).toBe(2);
    expect(square(5)).toBe(25);
    expect(square(3)).toBe(9);
    expect(calls).toBe(4);
  });
});
