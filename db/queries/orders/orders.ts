// Orders made from a family's cart: every live hold becomes a line, under a lock, so a place is
// in one order at most and a hold that expired meanwhile is not sold.
import type { Db } from '../../connection.ts';
import { HOLD_WHILE_ORDERING_MS } from '../../../domain/checkout.ts';
import { nextOrderNumber } from './baskets.ts';

export interface CreatedOrder {
  orderId: number;
  number: string;
  totalCents: number;
  holdIds: number[];
}

/**
 * The order takes the number of its cart's basket (one not already an order's: a place added
 * while « Commander » ran stays in the cart under its old number), and its places are kept until
 * `holdUntil` for the checkout; the basket's workflow, which runs the order, gives them back
 * then if it is not paid.
 */
export async function createOrderFromCart(db: Db, userId: number, now: Date, holdUntil = new Date(now.getTime() + HOLD_WHILE_ORDERING_MS)): Promise<CreatedOrder | null> {
  return db.transaction().execute(async (trx) => {
    const holds = await trx
      .selectFrom('holds')
      .select((eb) => ['id', 'price_cents', 'basket', eb.exists(eb.selectFrom('orders').select('orders.id').whereRef('orders.number', '=', 'holds.basket')).as('basket_ordered')])
      .where('user_id', '=', userId)
      .where('state', '=', 'held')
      .where('expires_at', '>', now)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('order_lines').select('order_lines.id').whereRef('order_lines.hold_id', '=', 'holds.id'))))
      .orderBy('id')
      .forUpdate()
      .execute();
    if (holds.length === 0) return null;
    // Holds from before baskets, alone in a cart, draw their number now.
    const number = holds.find((hold) => hold.basket !== null && !hold.basket_ordered)?.basket ?? (await nextOrderNumber(trx, now));
    const holdIds = holds.map((hold) => hold.id);
    await trx.updateTable('holds').set({ basket: number, expires_at: holdUntil }).where('id', 'in', holdIds).execute();
    const totalCents = holds.reduce((sum, hold) => sum + hold.price_cents, 0);
    const order = await trx.insertInto('orders').values({ number, user_id: userId, total_cents: totalCents, workflow_type: 'basket' }).returning('id').executeTakeFirstOrThrow();
    await trx
      .insertInto('order_lines')
      .values(holds.map((hold) => ({ order_id: order.id, hold_id: hold.id, price_cents: hold.price_cents })))
      .execute();
    return { orderId: order.id, number, totalCents, holdIds };
  });
}

/**
 * The family's latest order still in its checkout (open, its places held): « Commander » sent
 * again with an empty cart goes back to it, since the answer of the first one may have been lost
 * before its basket heard of the order.
 */
export async function orderInCheckout(db: Db, userId: number, now: Date): Promise<CreatedOrder | null> {
  const order = await db
    .selectFrom('orders')
    .select(['id', 'number', 'total_cents'])
    .where('user_id', '=', userId)
    .where('state', '=', 'open')
    .where('workflow_type', '=', 'basket')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!order) return null;
  const holds = await db
    .selectFrom('order_lines')
    .innerJoin('holds', 'holds.id', 'order_lines.hold_id')
    .select(['holds.id', 'holds.state', 'holds.expires_at'])
    .where('order_lines.order_id', '=', order.id)
    .orderBy('holds.id')
    .execute();
  if (holds.length === 0 || holds.some((hold) => hold.state !== 'held' || hold.expires_at <= now)) return null;
  return { orderId: order.id, number: order.number, totalCents: order.total_cents, holdIds: holds.map((hold) => hold.id) };
}

/** Puts an order that never got its workflow back into the cart: its holds become free lines again. */
export async function undoUnstartedOrder(db: Db, orderId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('order_lines').where('order_id', '=', orderId).execute();
    await trx.deleteFrom('orders').where('id', '=', orderId).where('state', '=', 'open').execute();
  });
}

/** A family's order by its number; undefined when it is not theirs (or does not exist). */
export function familyOrder(db: Db, userId: number, number: string) {
  return db.selectFrom('orders').selectAll().where('number', '=', number).where('user_id', '=', userId).executeTakeFirst();
}

/** The commune of the first place in the family's cart: operators find an order by it. */
export async function cartCommuneName(db: Db, userId: number): Promise<string | null> {
  const row = await db
    .selectFrom('holds')
    .innerJoin('products', 'products.id', 'holds.product_id')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .select('communes.name')
    .where('holds.user_id', '=', userId)
    .where('holds.state', '=', 'held')
    .orderBy('holds.id')
    .executeTakeFirst();
  return row?.name ?? null;
}

