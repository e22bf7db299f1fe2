import { describe, expect, it } from 'vitest';
import { isoWeekday } from './dates.ts';
import { schoolYearOf, serviceDays } from './school-year.ts';

describe('schoolYearOf', () => {
  it.each([
    ['2026-11-27', '2026-09-01', '2027-07-04'],
    ['2027-03-15', '2026-09-01', '2027-07-04'],
    ['2027-07-04', '2026-09-01', '2027-07-04'],
    ['2027-07-05', '2027-09-01', '2028-07-04'],
    ['2026-08-20', '2026-09-01', '2027-07-04'],
  ])('%s belongs to the year %s → %s', (day, start, end) => {
    expect(schoolYearOf(day)).toEqual({ start, end });
  });
});

describe('serviceDays', () => {
  it('lists the Wednesdays of the reference example', () => {
    expect(serviceDays({ start: '2023-05-29', end: '2023-06-30' }, [3])).toEqual([
      '2023-05-31', '2023-06-07', '2023-06-14', '2023-06-21', '2023-06-28',
    ]);
  });

  it('leaves out closed days and keeps only the product weekdays', () => {
    const days = serviceDays({ start: '2023-05-29', end: '2023-06-30' }, [3], ['2023-06-07']);
    expect(days).toEqual(['2023-05-31', '2023-06-14', '2023-06-21', '2023-06-28']);
  });

  it('covers a whole school year of Wednesdays', () => {
    const days = serviceDays(schoolYearOf('2026-11-27'), [3]);
    expect(days[0]).toBe('2026-09-02');
    expect(days.at(-1)).toBe('2027-06-30');
    expect(days).toHaveLength(44);
    expect(days.every((day) => isoWeekday(day) === 3)).toBe(true);
  });

  it('is empty for an inverted season', () => {
    expect(serviceDays({ start: '2024-01-10', end: '2024-01-01' }, [3])).toEqual([]);
  });
});
