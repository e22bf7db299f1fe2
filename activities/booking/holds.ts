// Activities of the hold workflows (basket, reservationHold) and of the sweep (their SQL:
// db/queries/orders/baskets.ts and holds.ts).
import type { Db } from '../../db/connection.ts';
import { expireDueBasketHolds } from '../../db/queries/orders/index.ts';
import { confirmHold, expireHoldIfDue, expireOverdueHolds, releaseHold } from '../../db/queries/booking/holds.ts';

export function createHoldActivities({ db, now }: { db: Db; now: () => Date }) {
  return {
    /** Expires the hold if its time has come; otherwise returns its (extended) expiry. */
    expireHoldIfDue: (input: { holdId: number }) => expireHoldIfDue(db, input.holdId, now()),
    releaseHold: (input: { holdId: number }) => releaseHold(db, input.holdId, now()),
    /** The hold becomes a reservation (its order is paid): once, whatever the retries. */
    confirmHold: (input: { holdId: number; orderLineId: number | null }) => confirmHold(db, input.holdId, input.orderLineId, now()),
    /** The basket's places past their expiry go back; the latest expiry of those still held. */
    expireDueBasketHolds: (input: { basket: string }) => expireDueBasketHolds(db, input.basket, now()),
    /** Closes holds whose workflow was lost or late (run by the hold-sweep schedule). */
    sweepExpiredHolds: () => expireOverdueHolds(db, now()),
  };
}
