// Activities of the reservationHold workflow and of the sweep. The hold row is the truth that
// counts against capacity; each activity changes it only from the state it expects, so a retry
// or a late signal never undoes what another path did.
import type { Db } from '../../db/connection.ts';

export function createHoldActivities({ db, now }: { db: Db; now: () => Date }) {
  return {
    /** Expires the hold if its time has come; otherwise returns its (extended) expiry. */
    async expireHoldIfDue(input: { holdId: number }): Promise<{ state: string; expiresAt: string }> {
      const expired = await db
        .updateTable('holds')
        .set({ state: 'expired', ended_at: now() })
        .where('id', '=', input.holdId)
        .where('state', '=', 'held')
        .where('expires_at', '<=', now())
        .returning(['state', 'expires_at'])
        .executeTakeFirst();
      const row = expired ?? (await db.selectFrom('holds').select(['state', 'expires_at']).where('id', '=', input.holdId).executeTakeFirstOrThrow());
      return { state: row.state, expiresAt: row.expires_at.toISOString() };
    },

    async releaseHold(input: { holdId: number }): Promise<void> {
      await db.updateTable('holds').set({ state: 'released', ended_at: now() }).where('id', '=', input.holdId).where('state', '=', 'held').execute();
    },

    /** The hold becomes a reservation (its order is paid): once, whatever the retries. */
    async confirmHold(input: { holdId: number; orderLineId: number | null }): Promise<{ reservationId: number }> {
      return db.transaction().execute(async (trx) => {
        const hold = await trx.selectFrom('holds').selectAll().where('id', '=', input.holdId).forUpdate().executeTakeFirstOrThrow();
        if (hold.state === 'held') await trx.updateTable('holds').set({ state: 'confirmed', ended_at: now() }).where('id', '=', hold.id).execute();
        else if (hold.state !== 'confirmed') throw new Error(`hold ${hold.id} is ${hold.state}: it cannot become a reservation`);
        await trx
          .insertInto('reservations')
          .values({
            hold_id: hold.id,
            slot_id: hold.slot_id,
            product_id: hold.product_id,
            prestation_id: hold.prestation_id,
            service_date: hold.service_date,
            dependant_id: hold.dependant_id,
            user_id: hold.user_id,
            price_cents: hold.price_cents,
            order_line_id: input.orderLineId,
          })
          .onConflict((oc) => oc.column('hold_id').doNothing())
          .execute();
        const reservation = await trx.selectFrom('reservations').select('id').where('hold_id', '=', hold.id).executeTakeFirstOrThrow();
        return { reservationId: reservation.id };
      });
    },

    /** Closes holds whose workflow was lost or late (run by the hold-sweep schedule). */
    async sweepExpiredHolds(): Promise<number> {
      const rows = await db
        .updateTable('holds')
        .set({ state: 'expired', ended_at: now() })
        .where('state', '=', 'held')
        .where('expires_at', '<=', now())
        .returning('id')
        .execute();
      return rows.length;
    },
  };
}
