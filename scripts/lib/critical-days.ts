// The days that break booking systems, each the next one after a given day: the end of the school
// year and the first day of the summer, August (school-time products out of season), New Year's
// Eve late in the evening, a leap day, and both nights the clocks change in Paris, before and
// after the jump. The suite runs its date-sensitive files at each (vitest.dates.config.ts).
import { addDays, isoWeekday, type IsoDate } from '../../domain/dates.ts';
import { schoolYearOf } from '../../domain/school-year.ts';

export interface CriticalDay {
  label: string;
  /** An AS_OF value: a day (10:00 in Paris) or a Paris time. */
  asOf: string;
}

const yearOf = (day: IsoDate) => Number(day.slice(0, 4));

/** The first of the yearly days `pick(year)` that comes after `today`. */
function nextYearly(today: IsoDate, pick: (year: number) => IsoDate): IsoDate {
  for (let year = yearOf(today); ; year += 1) if (pick(year) > today) return pick(year);
}

function lastSunday(year: number, month: '03' | '10'): IsoDate {
  let day = `${year}-${month}-31`;
  while (isoWeekday(day) !== 7) day = addDays(day, -1);
  return day;
}

function firstWednesdayOfAugust(year: number): IsoDate {
  let day = `${year}-08-01`;
  while (isoWeekday(day) !== 3) day = addDays(day, 1);
  return day;
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function criticalDays(today: IsoDate): CriticalDay[] {
  const lastSchoolDay = nextYearly(today, (year) => schoolYearOf(`${year}-01-01`).end);
  let leapYear = yearOf(today);
  while (!isLeap(leapYear) || `${leapYear}-02-29` <= today) leapYear += 1;
  const march = nextYearly(today, (year) => lastSunday(year, '03'));
  const october = nextYearly(today, (year) => lastSunday(year, '10'));
  return [
    { label: 'last day of the school year', asOf: lastSchoolDay },
    { label: 'first day of the summer holidays', asOf: addDays(lastSchoolDay, 1) },
    { label: 'a Wednesday in August', asOf: nextYearly(today, firstWednesdayOfAugust) },
    { label: "New Year's Eve, 23:30", asOf: `${nextYearly(today, (year) => `${year}-12-31`)}T23:30` },
    { label: 'leap day', asOf: `${leapYear}-02-29` },
    { label: 'summer time begins, 01:30', asOf: `${march}T01:30` },
    { label: 'summer time begins, 03:30', asOf: `${march}T03:30` },
    { label: 'winter time begins, 01:30', asOf: `${october}T01:30` },
    { label: 'winter time begins, 03:30', asOf: `${october}T03:30` },
  ];
}
