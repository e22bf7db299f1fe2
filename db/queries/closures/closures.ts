// Fermetures exceptionnelles. Closing the days stops new bookings at once (they join the
// product's closed days); each reservation of those days is then cancelled and its net paid price
// (after the order's voucher) refunded to the family's wallet, in one transaction keyed by the
// closure and the reservation, so a retried or replayed step never refunds twice.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import { addDays, formatShortDate, type IsoDate } from '../../../domain/dates.ts';
import { recordAudit } from '../staff/index.ts';
import { cancelAndRefund } from '../orders/index.ts';

/**
 * Records a closure; 'already-closed' when a closure of the product already covers all its days
 * (the same form sent twice, or two agents at once: the product's row is locked to decide).
 */
export async function createClosure(db: Db, input: { productId: number; firstDay: IsoDate; lastDay: IsoDate; reason: string; staffId: number }): Promise<number | 'already-closed'> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('products').select('id').where('id', '=', input.productId).forUpdate().executeTakeFirstOrThrow();
    if (await closureCovering(trx, input.productId, input.firstDay, input.lastDay)) return 'already-closed';
    const row = await trx
      .insertInto('closures')
      .values({ product_id: input.productId, first_day: input.firstDay, last_day: input.lastDay, reason: input.reason, created_by: input.staffId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: input.staffId, action: 'closure.created', subject: { type: 'product', id: input.productId }, details: { closureId: row.id, firstDay: input.firstDay, lastDay: input.lastDay, reason: input.reason } });
    return row.id;
  });
}

/** A closure of the product that already covers all these days: the page says so before confirming. */
export async function closureCovering(db: Db, productId: number, firstDay: IsoDate, lastDay: IsoDate): Promise<boolean> {
  const row = await db.selectFrom('closures').select('id').where('product_id', '=', productId).where('first_day', '<=', firstDay).where('last_day', '>=', lastDay).executeTakeFirst();
  return row !== undefined;
}

export function closureById(db: Db, closureId: number) {
  return db
    .selectFrom('closures')
    .innerJoin('products', 'products.id', 'closures.product_id')
    .selectAll('closures')
    .select(['products.name as product', 'products.commune_id'])
    .where('closures.id', '=', closureId)
    .executeTakeFirst();
}

export function closuresOfCommunes(db: Db, communeIds: number[]) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('closures')
    .innerJoin('products', 'products.id', 'closures.product_id')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .selectAll('closures')
    .select(['products.name as product', 'communes.name as commune'])
    .where('products.commune_id', 'in', communeIds)
    .orderBy('closures.created_at', 'desc')
    .limit(100)
    .execute();
}

/** The days close to bookings; the count of reservations to cancel is recorded. */
export async function closeDays(db: Db, closureId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const closure = await trx.selectFrom('closures').selectAll().where('id', '=', closureId).forUpdate().executeTakeFirstOrThrow();
    const days: IsoDate[] = [];
    for (let day = closure.first_day; day <= closure.last_day; day = addDays(day, 1)) days.push(day);
    await trx
      .updateTable('products')
      .set({ closed_days: sql<IsoDate[]>`array(select distinct unnest(closed_days || ${days}::date[]) order by 1)` })
      .where('id', '=', closure.product_id)
      .execute();
    const { n } = await trx
      .selectFrom('reservations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('product_id', '=', closure.product_id)
      .where('service_date', '>=', closure.first_day)
      .where('service_date', '<=', closure.last_day)
      .where((eb) => eb.or([eb('state', '=', 'confirmed'), eb('closure_id', '=', closureId)]))
      .executeTakeFirstOrThrow();
    await trx.updateTable('closures').set({ reservations_total: Number(n) }).where('id', '=', closureId).execute();
    return Number(n);
  });
}

/**
 * Cancels and refunds up to `limit` confirmed reservations of the closed days; returns how many.
 * Each in its own transaction, keyed by closure and reservation.
 */
export async function cancelClosedReservations(db: Db, closureId: number, limit: number, now: Date): Promise<number> {
  const closure = await db.selectFrom('closures').innerJoin('products', 'products.id', 'closures.product_id').select(['closures.product_id', 'closures.first_day', 'closures.last_day', 'closures.reason', 'closures.created_by', 'products.name']).where('closures.id', '=', closureId).executeTakeFirstOrThrow();
  const batch = await db
    .selectFrom('reservations')
    .select('id')
    .where('product_id', '=', closure.product_id)
    .where('service_date', '>=', closure.first_day)
    .where('service_date', '<=', closure.last_day)
    .where('state', '=', 'confirmed')
    .orderBy('id')
    .limit(limit)
    .execute();
  for (const { id } of batch) {
    await db.transaction().execute(async (trx) => {
      const reservation = await trx.selectFrom('reservations').selectAll().where('id', '=', id).where('state', '=', 'confirmed').forUpdate().executeTakeFirst();
      if (!reservation) return;
      const { cents: refund } = await cancelAndRefund(trx, reservation, {
        key: `closure-${closureId}/reservation-${id}`,
        label: `Fermeture exceptionnelle : ${closure.name}, ${formatShortDate(reservation.service_date)}`,
        now,
        closureId,
      });
      await trx
        .updateTable('closures')
        .set((eb) => ({ reservations_done: eb('reservations_done', '+', 1), refunded_cents: eb('refunded_cents', '+', refund) }))
        .where('id', '=', closureId)
        .execute();
      await recordAudit(trx, { actorId: closure.created_by, action: 'reservation.cancelled-by-closure', subject: { type: 'reservation', id }, details: { closureId, refundedCents: refund, reason: closure.reason } });
    });
  }
  return batch.length;
}

/** The families whose reservations the closure cancelled, with their days and refunds. */
export async function closureFamilies(db: Db, closureId: number) {
  const rows = await db
    .selectFrom('reservations')
    .innerJoin('users', 'users.id', 'reservations.user_id')
    .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
    .leftJoin('wallet_entries', (join) => join.on('wallet_entries.idempotency_key', '=', sql<string>`'closure-' || ${closureId} || '/reservation-' || reservations.id`))
    .select(['users.id as userId', 'users.email', 'users.first_name', 'dependants.first_name as child', 'reservations.service_date as day', 'wallet_entries.amount_cents as refunded'])
    .where('reservations.closure_id', '=', closureId)
    .orderBy('users.id')
    .orderBy('reservations.service_date')
    .execute();
  const families = new Map<number, { email: string; firstName: string | null; lines: { child: string; day: IsoDate; refunded: number }[] }>();
  for (const row of rows) {
    const family = families.get(row.userId) ?? { email: row.email, firstName: row.first_name, lines: [] };
    family.lines.push({ child: row.child, day: row.day, refunded: row.refunded ?? 0 });
    families.set(row.userId, family);
  }
  return families;
}

export async function finishClosure(db: Db, closureId: number, familiesMailed: number): Promise<void> {
  await db.updateTable('closures').set({ state: 'done', families_mailed: familiesMailed }).where('id', '=', closureId).execute();
}

/** A closure whose workflow could not start: nothing was done yet, so it goes, and the log says why. */
export async function dropUnstartedClosure(db: Db, closureId: number, staffId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('closures').where('id', '=', closureId).where('reservations_total', 'is', null).execute();
    await recordAudit(trx, { actorId: staffId, action: 'closure.not-started', subject: { type: 'closure', id: closureId }, details: {} });
  });
}
