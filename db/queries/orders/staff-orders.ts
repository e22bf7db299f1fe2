// Commandes et paiements, the commune's side: orders holding a place of the staff's communes,
// found by what staff type (a number, an e-mail, names, a day); an order's detail with its card refunds.
import { sql, type ExpressionBuilder } from 'kysely';
import { searchWords, typedDay } from '../../../domain/search-text.ts';
import type { Db } from '../../connection.ts';
import { containing as like, folded } from '../../search-text.ts';
import type { Database } from '../../database.ts';

const inCommunes = (communeIds: number[]) =>
  sql<boolean>`exists (select 1 from order_lines ol join holds h on h.id = ol.hold_id join products p on p.id = h.product_id
    where ol.order_id = orders.id and p.commune_id in (${sql.join(communeIds)}))`;

/**
 * Orders of these communes matching what staff typed: a day (13/01/2027 or 2027-01-13), part of an
 * order number, or words in any order, without accents or case, each found in the family's
 * e-mail or names or in a child's name.
 */
export function searchOrders(db: Db, communeIds: number[], text: string, limit = 50) {
  if (communeIds.length === 0) return Promise.resolve([]);
  const day = typedDay(text);
  const words = searchWords(text);
  let query = db
    .selectFrom('orders')
    .innerJoin('users', 'users.id', 'orders.user_id')
    .select(['orders.number', 'orders.state', 'orders.total_cents', 'orders.discount_cents', 'orders.created_at', 'users.email', 'users.first_name', 'users.last_name'])
    .where(inCommunes(communeIds));
  // Only the staff's own lines answer a child's name or a day: another commune's would tell
  // them where a family's child goes.
  const ownLines = (eb: ExpressionBuilder<Database, 'orders' | 'users'>) =>
    eb
      .selectFrom('order_lines')
      .innerJoin('holds', 'holds.id', 'order_lines.hold_id')
      .innerJoin('dependants', 'dependants.id', 'holds.dependant_id')
      .innerJoin('products', 'products.id', 'holds.product_id')
      .select(sql`1`.as('one'))
      .whereRef('order_lines.order_id', '=', 'orders.id')
      .where('products.commune_id', 'in', communeIds);
  if (day) {
    query = query.where((eb) => eb.exists(ownLines(eb).where('holds.service_date', '=', day)));
  } else if (/^[\d-]+$/.test(text)) {
    query = query.where('orders.number', 'like', like(text));
  } else {
    for (const word of words) {
      query = query.where((eb) =>
        eb.or([
          eb('users.email', 'ilike', like(word)),
          eb(folded('users.first_name'), 'like', like(word)),
          eb(folded('users.last_name'), 'like', like(word)),
          eb.exists(ownLines(eb).where((inner) => inner.or([inner(folded('dependants.first_name'), 'like', like(word)), inner(folded('dependants.last_name'), 'like', like(word))]))),
        ]),
      );
    }
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
    .select(['users.email', 'users.first_name', 'users.last_name', 'payments.reference as card_reference', 'payments.state as card_state', 'payments.provider_transaction', 'payments.provider_error', 'payments.provider as card_provider'])
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
        .select(['id', 'reservation_id', 'amount_cents', 'provider_reference', 'created_at', 'updated_at', 'state', 'method', 'provider_code', 'provider_comment'])
        .where('payment_id', '=', order.card_payment_id)
        .where('reservation_id', 'in', reservationIds)
        .orderBy('id')
        .execute()
    : [];
  return { order, lines, otherLines: Number(others), cardRefunds };
}
