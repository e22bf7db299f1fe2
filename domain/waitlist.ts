// The waiting list of a full day: who is offered a freed place first, and until when the offer
// holds the place (the product's hours, never past the day's booking deadline).
import type { IsoDate } from './dates.ts';

export interface WaitingEntry {
  id: number;
  /** When the family joined, or the place staff moved it to: the line's order. */
  rankAt: Date;
  resident: boolean;
}

/** The line in order: by rank, residents of the commune first when the product says so. */
export function lineOrder<T extends WaitingEntry>(entries: T[], residentsFirst: boolean): T[] {
  return [...entries].sort((a, b) => (residentsFirst && a.resident !== b.resident ? (a.resident ? -1 : 1) : a.rankAt.getTime() - b.rankAt.getTime() || a.id - b.id));
}

/**
 * Until when an offer made `now` holds its place: the product's hours, cut at the day's booking
 * deadline; null when that deadline is already past (nobody can book the day any more).
 */
export function offerDeadline(now: Date, offerHours: number, bookingDeadline: Date): Date | null {
  if (bookingDeadline.getTime() <= now.getTime()) return null;
  return new Date(Math.min(now.getTime() + offerHours * 3_600_000, bookingDeadline.getTime()));
}

export const waitlistWorkflowId = (productId: number, day: IsoDate) => `waitlist-${productId}-${day}`;
