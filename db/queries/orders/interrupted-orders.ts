// The safety net behind orders: an order row whose workflow never started (the Temporal server
// was unreachable and the undo failed too) or was lost stays "open" with its places held until
// the holds expire. Once every hold has ended for a while, no workflow can still be paying for
// it, so the sweep closes it. Only orders that took no money: the others belong to their
// workflow's compensation.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';

/** Long enough for a live workflow, whose timer ends with its holds, to close its order itself. */
export const INTERRUPTED_ORDER_GRACE_MS = 10 * 60_000;

/** Closes the open orders no workflow can still be paying for; how many. */
export async function abandonInterruptedOrders(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - INTERRUPTED_ORDER_GRACE_MS);
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('orders')
      .set({ state: 'abandoned', abandoned_at: now, abandon_reason: 'commande interrompue' })
      .where('state', '=', 'open')
      .where('created_at', '<', before)
      .where('card_payment_id', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('order_lines')
              .innerJoin('holds', 'holds.id', 'order_lines.hold_id')
              .select('holds.id')
              .whereRef('order_lines.order_id', '=', 'orders.id')
              .where((eb) => eb.or([eb('holds.state', '=', 'held'), eb('holds.expires_at', '>', before)])),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('wallet_entries').select('wallet_entries.id').where('idempotency_key', 'like', sql<string>`'order-' || orders.number || '/%'`))))
      .returning('id')
      .execute();
    if (rows.length > 0) await trx.updateTable('voucher_uses').set({ state: 'released' }).where('order_id', 'in', rows.map((r) => r.id)).execute();
    return rows.length;
  });
}
