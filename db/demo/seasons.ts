// The demo's seasons, from the day it is loaded: whatever the month, a family finds days to book
// in every product (the demo's stories book two weeks ahead). The school year is the one running
// unless fewer than four weeks of it remain, then the next one; the summer centre runs the summer
// still open to bookings, else the next one.
import { addDays, isoWeekday, type IsoDate } from '../../domain/dates.ts';
import { schoolYearOf, type Season } from '../../domain/school-year.ts';

/** How far ahead the demo's stories book, plus two weeks: the last days a season keeps for them. */
export const DEMO_BOOKING_LEAD_DAYS = 28;

/** A summer holiday centre: the Mondays of July and August that start a week, from the first after 4 July. */
export function summerOf(year: number): Season {
  let start = `${year}-07-05`;
  while (isoWeekday(start) !== 1) start = addDays(start, 1);
  return { start, end: `${year}-08-28` };
}

export function demoSeasons(today: IsoDate): { schoolYear: Season; summer: Season } {
  const schoolYear = schoolYearOf(addDays(today, 28));
  const year = Number(today.slice(0, 4));
  const summer = addDays(summerOf(year).end, -DEMO_BOOKING_LEAD_DAYS) >= today ? summerOf(year) : summerOf(year + 1);
  return { schoolYear, summer };
}
