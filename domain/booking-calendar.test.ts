import { describe, expect, it } from 'vitest';
import { addMonths, bookingDeadline, dayState, monthGrid, monthTitle, openingMonth, type ProductCalendarRules } from './booking-calendar.ts';
import { formatParisWeekdayHour, formatShortDeadline, parisInstant } from './dates.ts';

const rules: ProductCalendarRules = {
  weekdays: [3],
  seasonStart: '2026-09-01',
  seasonEnd: '2027-07-04',
  closedDays: ['2026-12-23', '2026-12-30'],
  deadlineDays: 2,
  deadlineHour: 12,
};

const context = (now: string, places: number | null = 24, booked = false) => ({
  month: '2026-12',
  now: new Date(now),
  placesLeft: () => places ?? undefined,
  bookedForAll: () => booked,
});

describe('bookingDeadline', () => {
  it('closes a Wednesday on the Monday before at noon, Paris time', () => {
    expect(bookingDeadline('2026-12-02', 2, 12).toISOString()).toBe('2026-11-30T11:00:00.000Z');
    expect(formatParisWeekdayHour(bookingDeadline('2026-12-02', 2, 12))).toBe('lundi 30 novembre à 12 h');
    expect(formatShortDeadline(bookingDeadline('2026-12-02', 2, 12))).toBe('lun. 12 h');
  });

  it('counts working days across the weekend', () => {
    // A Monday service, two working days before: the Thursday.
    expect(bookingDeadline('2026-12-07', 2, 12).toISOString()).toBe('2026-12-03T11:00:00.000Z');
    expect(bookingDeadline('2026-12-07', 1, 18).toISOString()).toBe('2026-12-04T17:00:00.000Z');
    expect(bookingDeadline('2026-12-07', 0, 9).toISOString()).toBe('2026-12-07T08:00:00.000Z');
  });

  it('follows summer time', () => {
    expect(parisInstant('2027-06-30', 12).toISOString()).toBe('2027-06-30T10:00:00.000Z');
    expect(bookingDeadline('2027-03-31', 2, 12).toISOString()).toBe('2027-03-29T10:00:00.000Z');
  });
});

describe('dayState', () => {
  it('lets a Wednesday be booked until its deadline, then says it is past', () => {
    expect(dayState('2026-12-02', rules, context('2026-11-30T10:59:00Z'))).toMatchObject({ kind: 'bookable', placesLeft: 24 });
    expect(dayState('2026-12-02', rules, context('2026-11-30T11:00:00Z'))).toEqual({ kind: 'deadline-passed' });
  });

  it.each([
    ['2026-12-03', { kind: 'no-service' }],
    ['2026-12-23', { kind: 'closed' }],
    ['2026-11-25', { kind: 'other-month' }],
  ])('%s is %o', (day, state) => {
    expect(dayState(day, rules, context('2026-11-27T08:00:00Z'))).toEqual(state);
  });

  it('says when a day is full or already booked for every chosen child', () => {
    expect(dayState('2026-12-09', rules, context('2026-11-27T08:00:00Z', 0))).toEqual({ kind: 'full' });
    expect(dayState('2026-12-09', rules, context('2026-11-27T08:00:00Z', 3, true))).toEqual({ kind: 'already-booked' });
    expect(dayState('2026-12-09', rules, context('2026-11-27T08:00:00Z', null))).toEqual({ kind: 'no-service' });
  });

  it('keeps to the season', () => {
    const july = { ...context('2027-06-01T08:00:00Z'), month: '2027-07' };
    expect(dayState('2027-07-07', rules, july)).toEqual({ kind: 'no-service' });
    const september = { ...context('2026-08-01T08:00:00Z'), month: '2026-09' };
    expect(dayState('2026-09-02', rules, september)).toMatchObject({ kind: 'bookable' });
  });
});

describe('month grid', () => {
  it('lays June 2023 out as the reference calendar does', () => {
    const weeks = monthGrid('2023-06');
    expect(weeks.map((week) => week.map((day) => Number(day.slice(8))))).toEqual([
      [29, 30, 31, 1, 2, 3, 4],
      [5, 6, 7, 8, 9, 10, 11],
      [12, 13, 14, 15, 16, 17, 18],
      [19, 20, 21, 22, 23, 24, 25],
      [26, 27, 28, 29, 30, 1, 2],
    ]);
    expect(monthTitle('2023-06')).toBe('Juin 2023');
  });

  it('moves month by month and opens inside the season', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    const friday = new Date('2026-11-27T08:00:00Z');
    // No Wednesday of November is still open on the 27th: December opens.
    expect(openingMonth(undefined, rules, friday, '2026-11-27')).toBe('2026-12');
    expect(openingMonth('2027-02', rules, friday, '2026-11-27')).toBe('2027-02');
    expect(openingMonth('2030-01', rules, friday, '2026-11-27')).toBe('2026-12');
    expect(openingMonth('bad', rules, new Date('2026-08-15T08:00:00Z'), '2026-08-15')).toBe('2026-09');
    expect(openingMonth(undefined, rules, new Date('2027-07-01T08:00:00Z'), '2027-07-01')).toBe('2027-07');
  });
});
