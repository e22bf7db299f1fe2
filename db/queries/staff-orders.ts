// Commandes et paiements, the commune's side: orders holding a place of the staff's communes,
// found by number, e-mail, child or day; an order's detail; a reservation cancelled and refunded
// by staff with a reason.
import { sql } from 'kysely';
import type { Db } from '../connection.ts';
import { formatShortDate } from '../../domain/dates.ts';
import { recordAudit } from './audit.ts';
import { cancelAndRefund } from './refunds.ts';

const inCommunes = (communeIds: number[]) =>
  sql<boolean>`exists (select 1 from order_lines ol join holds h on h.id = ol.hold_id join products p on p.id = h.product_id
    where ol.order_id = orders.id and p.commune_id in (${sql.join(communeIds)}))`;

/** Orders of these communes matching the text: an order number, an e-mail, a child's name, or a day (YYYY-MM-DD). */
export function searchOrders(db: Db, communeIds: number[], text: string, limit = 50) {
  if (communeIds.length === 0) return Promise.resolve([]);
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
  let query = db
    .selectFrom('orders')
    .innerJoin('users', 'users.id', 'orders.user_id')
    .select(['orders.number', 'orders.state', 'orders.total_cents', 'orders.discount_cents', 'orders.created_at', 'users.email', 'users.first_name', 'users.last_name'])
    .where(inCommunes(communeIds));
  if (text) {
    query = query.where((eb) =>
      eb.or([
        eb('orders.number', 'like', `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
        eb('users.email', 'ilike', pattern),
        eb.exists(
          eb
            .selectFrom('order_lines')
            .innerJoin('holds', 'holds.id', 'order_lines.hold_id')
            .innerJoin('dependants', 'dependants.id', 'holds.dependant_id')
            .select(sql`1`.as('one'))
            .whereRef('order_lines.order_id', '=', 'orders.id')
            .where((inner) => inner.or([inner('dependants.first_name', 'ilike', pattern), inner('dependants.last_name', 'ilike', pattern), ...(day ? [inner('holds.service_date', '=', day)] : [])])),
        ),
      ]),
    );
  }
  return query.orderBy('orders.id', 'desc').limit(limit).execute();
}

/** An order of these communes with its lines and card payment; undefined when it is none of theirs. */
export async function staffOrder(db: Db, communeIds: number[], number: string) {
  if (communeIds.length === 0) return undefined;
  const order = await db
    .selectFrom('orders')
    .innerJoin('users', 'users.id', 'orders.user_id')
    .leftJoin('payments', 'payments.id', 'orders.card_payment_id')
    .selectAll('orders')
    .select(['users.email', 'users.first_name', 'users.last_name', 'payments.reference as card_reference', 'payments.state as card_state', 'payments.provider_transaction', 'payments.provider_error'])
    .where('orders.number', '=', number)
    .where(inCommunes(communeIds))
    .executeTakeFirst();
  if (!order) return undefined;
  const lines = await db
    .selectFrom('order_lines')
    .innerJoin('holds', 'holds.id', 'order_lines.hold_id')
    .innerJoin('products', 'products.id', 'holds.product_id')
    .innerJoin('prestations', 'prestations.id', 'holds.prestation_id')
    .innerJoin('dependants', 'dependants.id', 'holds.dependant_id')
    .leftJoin('reservations', 'reservations.order_line_id', 'order_lines.id')
    .select([
      'order_lines.id', 'order_lines.price_cents', 'holds.service_date', 'products.name as product', 'products.commune_id', 'prestations.label as prestation',
      'dependants.first_name', 'dependants.last_name', 'reservations.id as reservation_id', 'reservations.state as reservation_state',
    ])
    .where('order_lines.order_id', '=', order.id)
    .orderBy('holds.service_date')
    .execute();
  return { order, lines };
}

/** Staff cancel a reservation of an order of their communes and refund it; the cents refunded, or null. */
export async function staffCancelReservation(db: Db, input: { communeIds: number[]; number: string; reservationId: number; reason: string; staffId: number; now: Date }): Promise<number | null> {
  if (input.communeIds.length === 0) return null;
  return db.transaction().execute(async (trx) => {
    const reservation = await trx
      .selectFrom('reservations')
      .innerJoin('order_lines', 'order_lines.id', 'reservations.order_line_id')
      .innerJoin('orders', 'orders.id', 'order_lines.order_id')
      .innerJoin('products', 'products.id', 'reservations.product_id')
      .selectAll('reservations')
      .select('products.name as product')
      .where('reservations.id', '=', input.reservationId)
      .where('orders.number', '=', input.number)
      .where('reservations.state', '=', 'confirmed')
      .where('products.commune_id', 'in', input.communeIds)
      .forUpdate(['reservations'])
      .executeTakeFirst();
    if (!reservation) return null;
    const refunded = await cancelAndRefund(trx, reservation, {
      key: `reservation-${reservation.id}/staff-cancellation`,
      label: `Annulation par la commune : ${reservation.product}, ${formatShortDate(reservation.service_date)} (${input.reason})`,
      now: input.now,
    });
    await recordAudit(trx, { actorId: input.staffId, action: 'reservation.cancelled-by-staff', subject: { type: 'reservation', id: reservation.id }, details: { order: input.number, reason: input.reason, refundedCents: refunded } });
    return refunded;
  });
}
