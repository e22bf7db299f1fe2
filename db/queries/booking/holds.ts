// The life of a held place: it expires, is released, or becomes a reservation. The hold row is
// the truth that counts against capacity; each change is made only from the state it expects, so
// a retry or a late signal never undoes what another path did.
import type { Db } from '../../connection.ts';

/** Expires the hold if its time has come; otherwise returns its (extended) expiry. */
export async function expireHoldIfDue(db: Db, holdId: number, now: Date): Promise<{ state: string; expiresAt: string }> {
  const expired = await db
    .updateTable('holds')
    .set({ state: 'expired', ended_at: now })
    .where('id', '=', holdId)
    .where('state', '=', 'held')
    .where('expires_at', '<=', now)
    .returning(['state', 'expires_at'])
    .executeTakeFirst();
  const row = expired ?? (await db.selectFrom('holds').select(['state', 'expires_at']).where('id', '=', holdId).executeTakeFirstOrThrow());
  return { state: row.state, expiresAt: row.expires_at.toISOString() };
}

export async function releaseHold(db: Db, holdId: number, now: Date): Promise<void> {
  await db.updateTable('holds').set({ state: 'released', ended_at: now }).where('id', '=', holdId).where('state', '=', 'held').execute();
}

/** The hold becomes a reservation (its order is paid): once, whatever the retries. */
export async function confirmHold(db: Db, holdId: number, orderLineId: number | null, now: Date): Promise<{ reservationId: number }> {
  return db.transaction().execute(async (trx) => {
    const hold = await trx.selectFrom('holds').selectAll().where('id', '=', holdId).forUpdate().executeTakeFirstOrThrow();
    if (hold.state === 'held') await trx.updateTable('holds').set({ state: 'confirmed', ended_at: now }).where('id', '=', hold.id).execute();
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
        order_line_id: orderLineId,
      })
      .onConflict((oc) => oc.column('hold_id').doNothing())
      .execute();
    const reservation = await trx.selectFrom('reservations').select('id').where('hold_id', '=', hold.id).executeTakeFirstOrThrow();
    return { reservationId: reservation.id };
  });
}

/** Closes the holds past their expiry whose workflow was lost or late; how many. */
export async function expireOverdueHolds(db: Db, now: Date): Promise<number> {
  const rows = await db.updateTable('holds').set({ state: 'expired', ended_at: now }).where('state', '=', 'held').where('expires_at', '<=', now).returning('id').execute();
  return rows.length;
}
