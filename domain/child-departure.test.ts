// The door's rules: the school year an authorisation is given for, the time typed, the instant it
// names in Paris (summer and winter time alike) and a name matched against the persons listed.
import { describe, expect, it } from 'vitest';
import { departureInstant, listedPersonNamed, parseClockTime, schoolYearLabel } from './child-departure.ts';
import { formatParisTime, parisClockTime } from './dates.ts';

describe('a departure at the door', () => {
  it('names the school year of a day as authorisations are given for it', () => {
    expect(schoolYearLabel('2026-12-09')).toBe('2026-2027');
    expect(schoolYearLabel('2027-07-02')).toBe('2026-2027');
    expect(schoolYearLabel('2027-08-04')).toBe('2027-2028');
  });

  it('reads a time as a time field sends it, and nothing else', () => {
    expect(parseClockTime('16:45')).toEqual({ hour: 16, minute: 45 });
    expect(parseClockTime('9:05')).toEqual({ hour: 9, minute: 5 });
    for (const bad of ['24:00', '16:60', '16h45', '', '16:45:00', '-1:00']) expect(parseClockTime(bad)).toBeNull();
  });

  it('places the time in Paris on both sides of a clock change, and writes it back the French way', () => {
    const winter = departureInstant('2026-12-09', { hour: 16, minute: 45 });
    expect(winter.toISOString()).toBe('2026-12-09T15:45:00.000Z');
    expect(departureInstant('2027-06-30', { hour: 16, minute: 45 }).toISOString()).toBe('2027-06-30T14:45:00.000Z');
    expect(formatParisTime(winter)).toBe('16 h 45');
    expect(parisClockTime(departureInstant('2026-12-09', { hour: 9, minute: 0 }))).toBe('09:00');
    expect(formatParisTime(departureInstant('2026-12-09', { hour: 9, minute: 0 }))).toBe('9 h');
  });

  it('finds a listed person by the words typed, in any order, without accents or case; no one else', () => {
    const listed = [{ firstName: 'Hélène', lastName: 'Dupont-Ferrand' }, { firstName: 'Jean', lastName: 'Pardon' }];
    expect(listedPersonNamed(listed, '  pardon JEAN ')).toBe(listed[1]);
    expect(listedPersonNamed(listed, 'helene dupont ferrand')).toBe(listed[0]);
    expect(listedPersonNamed(listed, 'Jean')).toBeUndefined();
    expect(listedPersonNamed(listed, 'Jean Pardon Junior')).toBeUndefined();
    expect(listedPersonNamed(listed, '')).toBeUndefined();
  });
});
