// The state of each day of a month for a product, a prestation and the chosen children: what the
// booking calendar shows, and what a saved list keeps or leaves out when applied to a month.
import type { Db } from '../../db/connection.ts';
import { bookedDays, placesLeft, type BookingProduct } from '../../db/queries/booking/booking.ts';
import { dayState, monthGrid, type DayState, type ProductCalendarRules } from '../../domain/booking-calendar.ts';
import { isoWeekday, type IsoDate } from '../../domain/dates.ts';

export function calendarRules(product: BookingProduct): ProductCalendarRules {
  return {
    weekdays: product.weekdays,
    seasonStart: product.season_start,
    seasonEnd: product.season_end,
    closedDays: product.closed_days,
    deadlineDays: product.booking_deadline_days,
    deadlineHour: product.booking_deadline_hour,
  };
}

/** Every day of the month's grid (with the neighbouring months' days) and its state. */
export async function monthStates(db: Db, product: BookingProduct, input: { prestationId: number; children: number[]; month: string; now: Date }): Promise<Map<IsoDate, DayState>> {
  const rules = calendarRules(product);
  const grid = monthGrid(input.month).flat();
  const [from, to] = [grid[0]!, grid.at(-1)!];
  const left = await placesLeft(db, input.prestationId, from, to, input.now);
  const booked = await bookedDays(db, product.id, input.children, from, to, input.now);
  return new Map(
    grid.map((day) => [
      day,
      dayState(day, rules, {
        month: input.month,
        now: input.now,
        placesLeft: (d) => left.get(d),
        bookedForAll: (d) => input.children.length > 0 && input.children.every((id) => booked.get(id)?.has(d)),
      }),
    ]),
  );
}

/** A saved list's days in a month: those of its weekdays that can be booked, and the others with why. */
export async function listDays(db: Db, product: BookingProduct, list: { prestationId: number; children: number[]; weekdays: number[] }, month: string, now: Date) {
  const states = await monthStates(db, product, { prestationId: list.prestationId, children: list.children, month, now });
  const days = [...states].filter(([day]) => day.startsWith(month) && list.weekdays.includes(isoWeekday(day)));
  return {
    bookable: days.filter(([, state]) => state.kind === 'bookable').map(([day]) => day),
    leftOut: days.filter(([, state]) => state.kind !== 'bookable').map(([date, state]) => ({ date, reason: state.kind })),
  };
}
