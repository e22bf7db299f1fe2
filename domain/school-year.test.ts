import { describe, expect, it } from 'vitest';
import { isoWeekday } from './dates.ts';
import { easterSunday, publicHolidays, schoolClosedDays, schoolYearOf, serviceDays } from './school-year.ts';

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

describe('school closures', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter %i is on %s', (year, day) => {
    expect(easterSunday(year)).toBe(day);
  });

  it('lists the public holidays with the moving ones', () => {
    expect(publicHolidays(2027)).toEqual([
      '2027-01-01', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-08', '2027-05-17', '2027-07-14', '2027-08-15', '2027-11-01', '2027-11-11', '2027-12-25',
    ]);
  });

  it('closes the Christmas holidays as the national calendar sets them', () => {
    const closed = schoolClosedDays({ start: '2026-09-01', end: '2027-07-04' });
    // 2026-2027: from Saturday 19 December, school resumes on Monday 4 January.
    expect(closed).toContain('2026-12-19');
    expect(closed).toContain('2027-01-03');
    expect(closed).not.toContain('2026-12-18');
    expect(closed).not.toContain('2027-01-04');
    expect(closed).toContain('2026-11-11');
    expect(closed).toContain('2027-05-06');
    expect(closed.every((day) => day >= '2026-09-01' && day <= '2027-07-04')).toBe(true);
    // 2024-2025 began on 21 December and ended on Monday 6 January.
    const earlier = schoolClosedDays({ start: '2024-09-01', end: '2025-07-04' });
    expect(earlier).toContain('2024-12-21');
    expect(earlier).not.toContain('2024-12-20');
    expect(earlier).not.toContain('2025-01-06');
  });
});
