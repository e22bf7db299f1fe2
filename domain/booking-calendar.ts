// The booking calendar of a dated product: which days of a month can be checked, and why the
// others cannot (the words the page shows, with a pattern, never colour alone).
import { addDays, isoWeekday, parisInstant, remembered, type IsoDate } from './dates.ts';

export interface ProductCalendarRules {
  weekdays: readonly number[];
  seasonStart: IsoDate;
  seasonEnd: IsoDate;
  closedDays: readonly IsoDate[];
  deadlineDays: number;
  deadlineHour: number;
}

export type DayState =
  | { kind: 'other-month' }
  | { kind: 'no-service' }
  | { kind: 'closed' }
  | { kind: 'deadline-passed' }
  | { kind: 'full' }
  | { kind: 'already-booked' }
  | { kind: 'bookable'; placesLeft: number; deadline: Date };

/** Few enough places that the page says how many are left. */
export const FEW_PLACES = 5;

/**
 * Booking closes `days` working days (Monday to Friday) before the day, at `hour` in Paris:
 * with 2 days at 12 h, a Wednesday closes on Monday noon, a Monday on the Thursday before.
 */
export function bookingDeadline(day: IsoDate, days: number, hour: number): Date {
  return new Date(deadlineAt(`${day}|${days}|${hour}`));
}

const deadlineAt = remembered((key: string) => {
  const [day, days, hour] = key.split('|') as [IsoDate, string, string];
  let deadline = day;
  for (let left = Number(days); left > 0; ) {
    deadline = addDays(deadline, -1);
    if (isoWeekday(deadline) <= 5) left -= 1;
  }
  return parisInstant(deadline, Number(hour)).getTime();
});

export function isServiceDay(day: IsoDate, rules: ProductCalendarRules): boolean {
  return day >= rules.seasonStart && day <= rules.seasonEnd && rules.weekdays.includes(isoWeekday(day));
}

export interface DayContext {
  month: string;
  now: Date;
  /** Places left on that day for the chosen prestation (undefined: no slot that day). */
  placesLeft: (day: IsoDate) => number | undefined;
  /** True when every chosen child is already held or booked that day. */
  bookedForAll: (day: IsoDate) => boolean;
}

export function dayState(day: IsoDate, rules: ProductCalendarRules, context: DayContext): DayState {
  if (!day.startsWith(context.month)) return { kind: 'other-month' };
  if (!isServiceDay(day, rules)) return { kind: 'no-service' };
  if (rules.closedDays.includes(day)) return { kind: 'closed' };
  const deadline = bookingDeadline(day, rules.deadlineDays, rules.deadlineHour);
  if (context.now.getTime() >= deadline.getTime()) return { kind: 'deadline-passed' };
  const places = context.placesLeft(day);
  if (places === undefined) return { kind: 'no-service' };
  if (context.bookedForAll(day)) return { kind: 'already-booked' };
  if (places <= 0) return { kind: 'full' };
  return { kind: 'bookable', placesLeft: places, deadline };
}

/** The weeks of a month, Monday first, padded with the days of the neighbouring months. */
export function monthGrid(month: string): IsoDate[][] {
  const first = `${month}-01`;
  let day = addDays(first, 1 - isoWeekday(first));
  const weeks: IsoDate[][] = [];
  do {
    const week: IsoDate[] = [];
    for (let i = 0; i < 7; i += 1) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  } while (day.startsWith(month));
  return weeks;
}

export function addMonths(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const MONTHS = ['Janvier', 'Février', 'Mars', 'Avril', 'Mai', 'Juin', 'Juillet', 'Août', 'Septembre', 'Octobre', 'Novembre', 'Décembre'];

export function monthTitle(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${year}`;
}

/** The month to open: the asked one if inside the season, else the first with a day still open. */
export function openingMonth(asked: string | undefined, rules: ProductCalendarRules, now: Date, today: IsoDate): string {
  const first = rules.seasonStart.slice(0, 7);
  const last = rules.seasonEnd.slice(0, 7);
  if (asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) && asked >= first && asked <= last) return asked;
  for (let day = today > rules.seasonStart ? today : rules.seasonStart; day <= rules.seasonEnd; day = addDays(day, 1)) {
    if (isServiceDay(day, rules) && !rules.closedDays.includes(day) && bookingDeadline(day, rules.deadlineDays, rules.deadlineHour) > now) return day.slice(0, 7);
  }
  const current = today.slice(0, 7);
  return current < first ? first : current > last ? last : current;
}
