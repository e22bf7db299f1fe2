// A place freed (a cancellation, places added, a family leaving a line) wakes the waiting list of
// its day when families wait there. Never fails the page whose change is already saved: without
// the signal, the list's workflow finds the place at its regular look.
import { waitedDay } from '../../db/queries/waitlist/waitlist.ts';
import type { AppDeps } from '../http/deps.ts';

export type FreedPlace = { slotId: number } | { reservationId: number } | { holdId: number } | { productId: number; day: string };

export async function wakeWaitingLists({ db, workflows, logger }: Pick<AppDeps, 'db' | 'workflows' | 'logger'>, places: FreedPlace[]): Promise<void> {
  const days = new Map<string, { productId: number; day: string }>();
  for (const place of places) {
    const waited = 'productId' in place ? place : await waitedDay(db, place);
    if (waited) days.set(`${waited.productId}/${waited.day}`, waited);
  }
  for (const { productId, day } of days.values()) {
    await workflows.waitlistPlaceFreed(productId, day).catch((error: unknown) => logger.warn({ err: error, productId, day }, 'waiting list not woken'));
  }
}
