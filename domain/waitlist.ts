// The waiting list of a full day: until when an offer holds the place (the product's hours, never
// past the day's booking deadline). Who comes first is the database's order (db/queries/waitlist/waitlist.ts).
import type { IsoDate } from './dates.ts';

/**
 * Until when an offer made `now` holds its place: the product's hours, cut at the day's booking
 * deadline; null when that deadline is already past (nobody can book the day any more).
 */
export function offerDeadline(now: Date, offerHours: number, bookingDeadline: Date): Date | null {
  if (bookingDeadline.getTime() <= now.getTime()) return null;
  return new Date(Math.min(now.getTime() + offerHours * 3_600_000, bookingDeadline.getTime()));
}

export const waitlistWorkflowId = (productId: number, day: IsoDate) => `waitlist-${productId}-${day}`;
