// A family's history: its orders (with lines, payments and what was cancelled and refunded) and
// its reservations.
import type { Db } from '../../connection.ts';

export function familyOrders(db: Db, userId: number) {
  return db
    .selectFrom('orders')
    .select(['id', 'number', 'state', 'total_cents', 'discount_cents', 'wallet_cents', 'card_cents', 'created_at', 'paid_at', 'abandon_reason'])
    // Open orders too: one whose card was refused is open again, its places held, and its page is
    // where the family resumes the payment.
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}

/** A family's reservations (or those of one of its orders), each with its refunds, by child and day. */
export function familyReservations(db: Db, userId: number, orderId?: number) {
  return db
    .selectFrom('reservations')
    .innerJoin('products', 'products.id', 'reservations.product_id')
    .innerJoin('prestations', 'prestations.id', 'reservations.prestation_id')
    .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
    .leftJoin('e_tickets', 'e_tickets.reservation_id', 'reservations.id')
    .select([
      'reservations.id', 'reservations.service_date', 'reservations.state', 'reservations.price_cents', 'reservations.refunded_cents', 'reservations.order_line_id', 'reservations.product_id',
      'products.name as product', 'products.cancel_deadline_days', 'products.cancel_deadline_hour', 'prestations.label as prestation',
      'dependants.first_name', 'dependants.last_name', 'e_tickets.code as ticket',
    ])
    .where('reservations.user_id', '=', userId)
    .$if(orderId !== undefined, (query) => query.where('reservations.order_line_id', 'in', db.selectFrom('order_lines').select('id').where('order_id', '=', orderId!)))
    .orderBy('dependants.birth_date')
    .orderBy('reservations.service_date')
    .execute();
}

/** An order's reservations cancelled or refunded (an absence refunds a day that stays booked), by day. */
export async function orderCancellations(db: Db, userId: number, orderId: number) {
  const reservations = await familyReservations(db, userId, orderId);
  return reservations.filter((row) => row.state === 'cancelled' || row.refunded_cents > 0).sort((a, b) => a.service_date.localeCompare(b.service_date) || a.id - b.id);
}
