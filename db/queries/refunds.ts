// Cancelling a reservation on the commune's side (a closure, a staff decision): the reservation
// is cancelled and its net paid price (its order's voucher shared among the order's lines) goes
// back to the family's wallet, keyed so that it is refunded once. Runs inside the caller's
// transaction; the reservation row must be locked by the caller.
import type { Db } from '../connection.ts';
import type { Reservation } from '../database.ts';
import { netLinePrices } from '../../domain/net-prices.ts';
import { moveMoney } from './wallet.ts';

/** What a reservation cost once its order's voucher is shared among the order's lines. */
export async function netPaidPrice(trx: Db, reservation: Pick<Reservation, 'order_line_id' | 'price_cents'>): Promise<number> {
  if (reservation.order_line_id === null) return reservation.price_cents;
  const order = await trx
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .select(['orders.id', 'orders.discount_cents'])
    .where('order_lines.id', '=', reservation.order_line_id)
    .executeTakeFirstOrThrow();
  const lines = await trx.selectFrom('order_lines').select(['id', 'price_cents']).where('order_id', '=', order.id).orderBy('id').execute();
  const net = netLinePrices(lines.map((line) => line.price_cents), order.discount_cents);
  return net[lines.findIndex((line) => line.id === reservation.order_line_id)] ?? 0;
}

/**
 * Cancels the confirmed reservation and refunds its net price to the wallet, less what the caller
 * refunds elsewhere (to the card, at the provider); the whole amount refunded.
 */
export async function cancelAndRefund(
  trx: Db,
  reservation: Pick<Reservation, 'id' | 'user_id' | 'order_line_id' | 'price_cents'>,
  refund: { key: string; label: string; now: Date; closureId?: number; elsewhereCents?: (netCents: number) => Promise<number> },
): Promise<{ cents: number; walletCents: number }> {
  const cents = await netPaidPrice(trx, reservation);
  const elsewhere = refund.elsewhereCents ? await refund.elsewhereCents(cents) : 0;
  await trx.updateTable('reservations').set({ state: 'cancelled', cancelled_at: refund.now, ...(refund.closureId ? { closure_id: refund.closureId } : {}) }).where('id', '=', reservation.id).execute();
  const walletCents = cents - elsewhere;
  if (walletCents > 0) await moveMoney(trx, { userId: reservation.user_id, amountCents: walletCents, kind: 'refund', label: refund.label, idempotencyKey: refund.key });
  return { cents, walletCents };
}

/** What each of the family's order lines cost net of its order's voucher, by line id. */
export async function familyNetLinePrices(db: Db, userId: number): Promise<Map<number, number>> {
  const lines = await db
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .select(['order_lines.id', 'order_lines.order_id', 'order_lines.price_cents', 'orders.discount_cents'])
    .where('orders.user_id', '=', userId)
    .orderBy('order_lines.order_id')
    .orderBy('order_lines.id')
    .execute();
  const byOrder = new Map<number, typeof lines>();
  for (const line of lines) byOrder.set(line.order_id, [...(byOrder.get(line.order_id) ?? []), line]);
  const net = new Map<number, number>();
  for (const orderLines of byOrder.values()) {
    const prices = netLinePrices(orderLines.map((line) => line.price_cents), orderLines[0]!.discount_cents);
    orderLines.forEach((line, index) => net.set(line.id, prices[index]!));
  }
  return net;
}
