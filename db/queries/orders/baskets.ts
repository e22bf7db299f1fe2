// A family's cart as one basket: its holds carry the number the order will have, drawn when the
// basket opens, and the basket's workflow (order-<number>) expires them when their time comes.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';

/** The next order number, `2026-000123`: a basket draws it when it opens. */
export async function nextOrderNumber(db: Db, now: Date): Promise<string> {
  const { n } = (await sql<{ n: string }>`select nextval('order_numbers') as n`.execute(db)).rows[0]!;
  return `${now.getUTCFullYear()}-${String(n).padStart(6, '0')}`;
}

/** The basket of the family's cart (its live holds not yet in an order), or null when the cart is empty. */
export async function familyBasket(db: Db, userId: number, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('holds')
    .select('basket')
    .where('user_id', '=', userId)
    .where('state', '=', 'held')
    .where('expires_at', '>', now)
    .where('basket', 'is not', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('order_lines').select('order_lines.id').whereRef('order_lines.hold_id', '=', 'holds.id'))))
    // A place added while « Commander » took the cart keeps a number already an order's.
    .where((eb) => eb.not(eb.exists(eb.selectFrom('orders').select('orders.id').whereRef('orders.number', '=', 'holds.basket'))))
    .orderBy('id')
    .executeTakeFirst();
  return row?.basket ?? null;
}

/**
 * The basket's time has come: its holds past their expiry are expired (their places go back).
 * Returns the latest expiry among those still held, or null when none is (the basket is over,
 * or its order's places were all given back).
 */
export async function expireDueBasketHolds(db: Db, basket: string, now: Date): Promise<{ expired: number; nextExpiry: string | null }> {
  const expired = await db.updateTable('holds').set({ state: 'expired', ended_at: now }).where('basket', '=', basket).where('state', '=', 'held').where('expires_at', '<=', now).returning('id').execute();
  const row = await db.selectFrom('holds').select((eb) => eb.fn.max('expires_at').as('latest')).where('basket', '=', basket).where('state', '=', 'held').executeTakeFirst();
  const latest = row?.latest as Date | null | undefined;
  return { expired: expired.length, nextExpiry: latest ? latest.toISOString() : null };
}
