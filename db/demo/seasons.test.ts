// The demo stays meaningful every day of the year: on any day, each of its products has days a
// family can book two weeks ahead (as its stories do), in the season running or the next.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/dates.ts';
import { schoolClosedDays, serviceDays } from '../../domain/school-year.ts';
import { demoProducts } from './data.ts';
import { demoSeasons } from './seasons.ts';

describe('the demo seasons', () => {
  it('leave every product days to book two weeks ahead, on every day of two years (a leap day among them)', () => {
    const missing: string[] = [];
    for (let today = '2027-01-01'; today <= '2028-12-31'; today = addDays(today, 1)) {
      const seasons = demoSeasons(today);
      for (const product of demoProducts) {
        const season = product.season === 'summer' ? seasons.summer : seasons.schoolYear;
        const days = serviceDays(season, product.weekdays, product.schoolTime ? schoolClosedDays(season) : []);
        if (days.filter((day) => day >= addDays(today, 14)).length < 2) missing.push(`${today} ${product.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keeps the school year running until four weeks before its end, and the summer open while it can be booked', () => {
    expect(demoSeasons('2026-12-07')).toEqual({ schoolYear: { start: '2026-09-01', end: '2027-07-04' }, summer: { start: '2027-07-05', end: '2027-08-28' } });
    expect(demoSeasons('2027-06-05').schoolYear).toEqual({ start: '2026-09-01', end: '2027-07-04' });
    expect(demoSeasons('2027-06-07').schoolYear).toEqual({ start: '2027-09-01', end: '2028-07-04' });
    expect(demoSeasons('2027-07-31').summer).toEqual({ start: '2027-07-05', end: '2027-08-28' });
    expect(demoSeasons('2027-08-01').summer).toEqual({ start: '2028-07-10', end: '2028-08-28' });
  });
});
