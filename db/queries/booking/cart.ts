// The cart: the family's live holds (held and not past their expiry), its summary for the
// header, and the two cart actions (remove, and extend on every cart activity).
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';

/** A hold that is a place offered from a waiting list. */
const offer = sql<boolean>`exists (select 1 from waitlist_entries w where w.offer_hold_id = holds.id and w.status = 'offered')`;

export function cartHolds(db: Db, userId: number, now: Date) {
  return db
    .selectFrom('holds')
    .innerJoin('products', 'products.id', 'holds.product_id')
    .innerJoin('prestations', 'prestations.id', 'holds.prestation_id')
    .innerJoin('dependants', 'dependants.id', 'holds.dependant_id')
    .select([
      'holds.id', 'holds.service_date', 'holds.price_cents', 'holds.price_note', 'holds.expires_at', 'holds.product_id', 'holds.prestation_id', 'holds.dependant_id',
      'products.name as product', 'prestations.label as prestation', 'dependants.first_name', 'dependants.last_name',
    ])
    .where('holds.user_id', '=', userId)
    .where('holds.state', '=', 'held')
    .where('holds.expires_at', '>', now)
    .orderBy('products.name')
    .orderBy('prestations.position')
    .orderBy('dependants.birth_date')
    .orderBy('holds.service_date')
    .execute();
}

export type CartHold = Awaited<ReturnType<typeof cartHolds>>[number];

export interface CartSummary {
  count: number;
  totalCents: number;
  /** Places of a waiting list offered to the family, in its cart; the earliest ends then. */
  offered: number;
  offeredUntil: Date | null;
}

export async function cartSummary(db: Db, userId: number, now: Date): Promise<CartSummary> {
  const row = await db
    .selectFrom('holds')
    .select((eb) => [
      eb.fn.countAll<number>().as('count'),
      eb.fn.coalesce(eb.fn.sum<number>('price_cents'), eb.lit(0)).as('total'),
      // In the same statement: every page of a family shows its offered places.
      sql<number>`count(*) filter (where ${offer})`.as('offered'),
      sql<Date | null>`min(expires_at) filter (where ${offer})`.as('offeredUntil'),
    ])
    .where('user_id', '=', userId)
    .where('state', '=', 'held')
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), totalCents: Number(row.total), offered: Number(row.offered), offeredUntil: row.offeredUntil };
}

/**
 * Releases the family's live holds among `holdIds`, except the places of an order under way (being
 * paid in another tab: the order pays for them or gives them back itself). The holds are locked
 * first, as « Commander » locks them, so a place is either in the order or released, never both.
 */
export async function releaseHolds(db: Db, userId: number, holdIds: number[], now: Date): Promise<{ released: number[]; inOrder: number }> {
  if (holdIds.length === 0) return { released: [], inOrder: 0 };
  return db.transaction().execute(async (trx) => {
    const live = await trx.selectFrom('holds').select('id').where('user_id', '=', userId).where('id', 'in', holdIds).where('state', '=', 'held').forUpdate().execute();
    if (live.length === 0) return { released: [], inOrder: 0 };
    // Read after the lock: an order placed meanwhile is seen.
    const ordered = new Set((await trx.selectFrom('order_lines').select('hold_id').where('hold_id', 'in', live.map((row) => row.id)).execute()).map((row) => row.hold_id));
    const free = live.map((row) => row.id).filter((id) => !ordered.has(id));
    if (free.length > 0) {
      await trx.updateTable('holds').set({ state: 'released', ended_at: now }).where('id', 'in', free).execute();
      // A place offered from a waiting list, removed from the cart: declined.
      await trx.updateTable('waitlist_entries').set({ status: 'declined', ended_at: now }).where('offer_hold_id', 'in', free).where('status', '=', 'offered').execute();
    }
    return { released: free, inOrder: ordered.size };
  });
}

/**
 * Every cart activity gives all the family's live holds a fresh expiry, never an earlier one: a
 * place offered from a waiting list keeps its hours.
 */
export async function extendCart(db: Db, userId: number, now: Date, expiresAt: Date): Promise<number[]> {
  const rows = await db
    .updateTable('holds')
    .set({ expires_at: sql<Date>`greatest(expires_at, ${expiresAt})` })
    .where('user_id', '=', userId)
    .where('state', '=', 'held')
    .where('expires_at', '>', now)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Holds of the family that expired within the last hour without being removed or paid. */
export async function recentlyExpired(db: Db, userId: number, now: Date): Promise<number> {
  const row = await db
    .selectFrom('holds')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('state', 'in', ['held', 'expired'])
    .where('expires_at', '<=', now)
    .where('expires_at', '>', new Date(now.getTime() - 3600_000))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What the places just held cost together. */
export async function holdsTotal(db: Db, holdIds: number[]): Promise<number> {
  const row = await db.selectFrom('holds').select((eb) => eb.fn.sum<number>('price_cents').as('total')).where('id', 'in', holdIds).executeTakeFirstOrThrow();
  return Number(row.total);
}
