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
