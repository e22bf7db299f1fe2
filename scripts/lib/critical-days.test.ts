import { describe, expect, it } from 'vitest';
import { criticalDays } from './critical-days.ts';

describe('the days that break booking systems', () => {
  it('are each the next one after today', () => {
    expect(criticalDays('2026-12-07').map((day) => day.asOf)).toEqual([
      '2027-07-04', '2027-07-05', '2027-08-04', '2026-12-31T23:30', '2028-02-29',
      '2027-03-28T01:30', '2027-03-28T03:30', '2027-10-31T01:30', '2027-10-31T03:30',
    ]);
    expect(criticalDays('2027-07-04').map((day) => day.asOf).slice(0, 3)).toEqual(['2028-07-04', '2028-07-05', '2027-08-04']);
    expect(criticalDays('2028-03-01').map((day) => day.asOf)).toEqual([
      '2028-07-04', '2028-07-05', '2028-08-02', '2028-12-31T23:30', '2032-02-29',
      '2028-03-26T01:30', '2028-03-26T03:30', '2028-10-29T01:30', '2028-10-29T03:30',
    ]);
  });
});
