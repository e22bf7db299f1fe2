// The school year and the days a dated product runs: the rules the demo data and, later, the
// booking calendar share.
import { addDays, isoWeekday, parseIsoDate, type IsoDate } from './dates.ts';

export interface Season {
  start: IsoDate;
  end: IsoDate;
}

/**
 * The school year a day belongs to: from 1 September to 4 July (the usual first day of the
 * summer holidays). Days in July after the 4th and in August belong to the year that starts next.
 */
export function schoolYearOf(day: IsoDate): Season {
  const date = parseIsoDate(day);
  const year = date.getUTCFullYear();
  const beforeSummer = day <= `${year}-07-04`;
  const startYear = beforeSummer ? year - 1 : year;
  return { start: `${startYear}-09-01`, end: `${startYear + 1}-07-04` };
}

/** Every day of the season that falls on one of the ISO weekdays, minus the closed days. */
export function serviceDays(season: Season, weekdays: readonly number[], closedDays: readonly IsoDate[] = []): IsoDate[] {
  if (season.start > season.end) return [];
  const closed = new Set(closedDays);
  const days: IsoDate[] = [];
  for (let day = season.start; day <= season.end; day = addDays(day, 1)) {
    if (weekdays.includes(isoWeekday(day)) && !closed.has(day)) days.push(day);
  }
  return days;
}

/** Easter Sunday of a year (the Gregorian computus of Meeus, Jones and Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - Math.floor(b / 4) - g + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The eleven public holidays (jours fériés) of metropolitan France in a year. */
export function publicHolidays(year: number): IsoDate[] {
  const easter = easterSunday(year);
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((day) => `${year}-${day}`);
  return [...fixed, addDays(easter, 1), addDays(easter, 39), addDays(easter, 50)].sort();
}

/**
 * The days a school-time service (canteen, garderie, school bus) is closed in a season: public
 * holidays and the Christmas holidays, which every zone shares: from the Saturday before the 24th
 * of December to the Monday sixteen days later, when school resumes.
 */
export function schoolClosedDays(season: Season): IsoDate[] {
  const closed = new Set<IsoDate>();
  const firstYear = parseIsoDate(season.start).getUTCFullYear();
  const lastYear = parseIsoDate(season.end).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year += 1) {
    for (const day of publicHolidays(year)) closed.add(day);
    const christmasEve = `${year}-12-24`;
    const breakStart = addDays(christmasEve, -((isoWeekday(christmasEve) + 1) % 7));
    for (let offset = 0; offset < 16; offset += 1) closed.add(addDays(breakStart, offset));
  }
  return [...closed].filter((day) => day >= season.start && day <= season.end).sort();
}
