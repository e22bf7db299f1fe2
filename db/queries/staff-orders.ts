// Commandes et paiements, the commune's side: orders holding a place of the staff's communes,
// found by number, e-mail, child or day; an order's detail with its card refunds.
import { sql } from 'kysely';
import type { Db } from '../connection.ts';

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
            .innerJoin('products', 'products.id', 'holds.product_id')
            .select(sql`1`.as('one'))
            .whereRef('order_lines.order_id', '=', 'orders.id')
            // Only the staff's own lines answer a child's name or a day: another commune's would
            // tell them where a family's child goes.
            .where('products.commune_id', 'in', communeIds)
            .where((inner) => inner.or([inner('dependants.first_name', 'ilike', pattern), inner('dependants.last_name', 'ilike', pattern), ...(day ? [inner('holds.service_date', '=', day)] : [])])),
        ),
      ]),
    );
  }
  return query.orderBy('orders.id', 'desc').limit(limit).execute();
}

/** An order of these communes with its lines of theirs (the others counted) and card payment; undefined when it is none of theirs. */
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
    .where('products.commune_id', 'in', communeIds)
    .orderBy('holds.service_date')
    .execute();
  // Another commune's lines (its children, its activities) are only counted.
  const { others } = await db
    .selectFrom('order_lines')
    .innerJoin('holds', 'holds.id', 'order_lines.hold_id')
    .innerJoin('products', 'products.id', 'holds.product_id')
    .select((eb) => eb.fn.countAll<string>().as('others'))
    .where('order_lines.order_id', '=', order.id)
    .where('products.commune_id', 'not in', communeIds)
    .executeTakeFirstOrThrow();
  const reservationIds = lines.map((line) => line.reservation_id).filter((id): id is number => id !== null);
  const cardRefunds = order.card_payment_id && reservationIds.length > 0
    ? await db
        .selectFrom('card_refunds')
        .select(['reservation_id', 'amount_cents', 'provider_reference', 'created_at'])
        .where('payment_id', '=', order.card_payment_id)
        .where('reservation_id', 'in', reservationIds)
        .orderBy('id')
        .execute()
    : [];
  return { order, lines, otherLines: Number(others), cardRefunds };
}
