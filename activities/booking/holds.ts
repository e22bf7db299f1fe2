// Activities of the reservationHold workflow and of the sweep (their SQL: db/queries/holds.ts).
import type { Db } from '../../db/connection.ts';
import { confirmHold, expireHoldIfDue, expireOverdueHolds, releaseHold } from '../../db/queries/holds.ts';

export function createHoldActivities({ db, now }: { db: Db; now: () => Date }) {
  return {
    /** Expires the hold if its time has come; otherwise returns its (extended) expiry. */
    expireHoldIfDue: (input: { holdId: number }) => expireHoldIfDue(db, input.holdId, now()),
    releaseHold: (input: { holdId: number }) => releaseHold(db, input.holdId, now()),
    /** The hold becomes a reservation (its order is paid): once, whatever the retries. */
    confirmHold: (input: { holdId: number; orderLineId: number | null }) => confirmHold(db, input.holdId, input.orderLineId, now()),
    /** Closes holds whose workflow was lost or late (run by the hold-sweep schedule). */
    sweepExpiredHolds: () => expireOverdueHolds(db, now()),
  };
}
