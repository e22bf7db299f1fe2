// Cancelling a reservation before its cancellation deadline: the place is freed and its price goes
// back to the family's wallet, in one transaction, once however often it is asked.
import { bookingDeadline } from '../../domain/booking-calendar.ts';
import { formatShortDate } from '../../domain/dates.ts';
import type { Db } from '../connection.ts';
import { moveMoney } from './wallet.ts';

export type CancellationResult =
  | { ok: true; refundedCents: number; product: string; serviceDate: string }
  | { ok: false; reason: 'not-found' | 'already-cancelled' | 'deadline-passed' };

export async function cancelReservation(db: Db, userId: number, reservationId: number, now: Date): Promise<CancellationResult> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('reservations')
      .innerJoin('products', 'products.id', 'reservations.product_id')
      .select(['reservations.id', 'reservations.state', 'reservations.service_date', 'reservations.price_cents', 'products.name', 'products.cancel_deadline_days', 'products.cancel_deadline_hour'])
      .where('reservations.id', '=', reservationId)
      .where('reservations.user_id', '=', userId)
      .forUpdate(['reservations'])
      .executeTakeFirst();
    if (!row) return { ok: false, reason: 'not-found' };
    if (row.state !== 'confirmed') return { ok: false, reason: 'already-cancelled' };
    if (now.getTime() >= bookingDeadline(row.service_date, row.cancel_deadline_days, row.cancel_deadline_hour).getTime()) return { ok: false, reason: 'deadline-passed' };
    await trx.updateTable('reservations').set({ state: 'cancelled', cancelled_at: now }).where('id', '=', row.id).execute();
    if (row.price_cents > 0) {
      await moveMoney(trx, {
        userId,
        amountCents: row.price_cents,
        kind: 'refund',
        label: `Annulation : ${row.name}, ${formatShortDate(row.service_date)}`,
        idempotencyKey: `reservation-${row.id}/cancellation-refund`,
      });
    }
    return { ok: true, refundedCents: row.price_cents, product: row.name, serviceDate: row.service_date };
  });
}
