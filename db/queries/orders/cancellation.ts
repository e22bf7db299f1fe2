// Cancelling a reservation before its cancellation deadline: the place is freed and its net paid
// price (its order's voucher shared among the lines) goes back to the family's wallet, in one
// transaction, once however often it is asked.
import { bookingDeadline } from '../../../domain/booking-calendar.ts';
import { formatShortDate } from '../../../domain/dates.ts';
import type { Db } from '../../connection.ts';
import { cancelAndRefund } from './refunds.ts';

export type CancellationResult =
  | { ok: true; refundedCents: number; product: string; serviceDate: string }
  | { ok: false; reason: 'not-found' | 'already-cancelled' | 'deadline-passed' };

export async function cancelReservation(db: Db, userId: number, reservationId: number, now: Date): Promise<CancellationResult> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('reservations')
      .innerJoin('products', 'products.id', 'reservations.product_id')
      .selectAll('reservations')
      .select(['products.name', 'products.cancel_deadline_days', 'products.cancel_deadline_hour'])
      .where('reservations.id', '=', reservationId)
      .where('reservations.user_id', '=', userId)
      .forUpdate(['reservations'])
      .executeTakeFirst();
    if (!row) return { ok: false, reason: 'not-found' };
    if (row.state !== 'confirmed') return { ok: false, reason: 'already-cancelled' };
    if (now.getTime() >= bookingDeadline(row.service_date, row.cancel_deadline_days, row.cancel_deadline_hour).getTime()) return { ok: false, reason: 'deadline-passed' };
    const { cents } = await cancelAndRefund(trx, row, {
      key: `reservation-${row.id}/cancellation-refund`,
      label: `Annulation : ${row.name}, ${formatShortDate(row.service_date)}`,
      now,
    });
    return { ok: true, refundedCents: cents, product: row.name, serviceDate: row.service_date };
  });
}
