// Refunding a reservation, whatever the path (an absence, a closure, a staff or family
// cancellation, an erasure): what goes back is what is left of its net paid price (its order's
// voucher shared among the order's lines) once earlier refunds are taken off, so the day is
// refunded once in all, and each credit is keyed so that a replay credits nothing. Runs inside
// the caller's transaction.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import type { Reservation } from '../../database.ts';
import { netLinePrices } from '../../../domain/net-prices.ts';
import { moveMoney } from '../wallet/index.ts';

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
 * What is left to refund of the reservation: its net paid price less what every path refunded it
 * already (an absence for a day that stays booked, then a closure of that day: once in all). Read
 * under the reservation's lock, which the caller holds or takes here.
 */
async function leftToRefund(trx: Db, reservation: Pick<Reservation, 'id' | 'order_line_id' | 'price_cents'>, lock = true): Promise<number> {
  const net = await netPaidPrice(trx, reservation);
  const read = trx.selectFrom('reservations').select('refunded_cents').where('id', '=', reservation.id);
  const { refunded_cents: refunded } = await (lock ? read.forUpdate() : read).executeTakeFirstOrThrow();
  return Math.max(0, net - refunded);
}

/**
 * What cancelling the reservation now would refund, for the page that asks staff to confirm: the
 * same reckoning as `cancelAndRefund`, read without its lock (nothing is written).
 */
export function refundDue(db: Db, reservation: Pick<Reservation, 'id' | 'order_line_id' | 'price_cents'>): Promise<number> {
  return leftToRefund(db, reservation, false);
}

/** Credits the wallet with `cents` of the reservation's refund under `key`, and records them on the reservation; the cents credited. */
async function creditWallet(trx: Db, reservation: Pick<Reservation, 'id' | 'user_id'>, cents: number, refund: { key: string; label: string; now?: Date }): Promise<number> {
  if (cents <= 0) return 0;
  const moved = await moveMoney(trx, { userId: reservation.user_id, amountCents: cents, kind: 'refund', label: refund.label, idempotencyKey: refund.key, journal: { to: 'reservation', reservationId: reservation.id }, ...(refund.now ? { at: refund.now } : {}) });
  if (!moved.applied) return 0;
  await trx.updateTable('reservations').set((eb) => ({ refunded_cents: eb('refunded_cents', '+', cents) })).where('id', '=', reservation.id).execute();
  return cents;
}

/**
 * Refunds to the wallet what is left of the reservation's net paid price, leaving it booked (an
 * absence for a day already served); the cents credited.
 */
export async function refundKeptReservation(trx: Db, reservation: Pick<Reservation, 'id' | 'user_id' | 'order_line_id' | 'price_cents'>, refund: { key: string; label: string }): Promise<number> {
  return creditWallet(trx, reservation, await leftToRefund(trx, reservation), refund);
}

/**
 * Cancels the confirmed reservation and refunds what is left of its net price: to the wallet, less
 * what the caller refunds elsewhere (to the card, at the provider). The whole amount refunded now.
 */
export async function cancelAndRefund(
  trx: Db,
  reservation: Pick<Reservation, 'id' | 'user_id' | 'order_line_id' | 'price_cents'>,
  refund: { key: string; label: string; now: Date; closureId?: number; elsewhereCents?: (dueCents: number) => Promise<number> },
): Promise<{ cents: number; walletCents: number }> {
  const due = await leftToRefund(trx, reservation);
  const elsewhere = refund.elsewhereCents ? await refund.elsewhereCents(due) : 0;
  await trx
    .updateTable('reservations')
    .set((eb) => ({ state: 'cancelled', cancelled_at: refund.now, refunded_cents: eb('refunded_cents', '+', elsewhere), ...(refund.closureId ? { closure_id: refund.closureId } : {}) }))
    .where('id', '=', reservation.id)
    .execute();
  const walletCents = await creditWallet(trx, reservation, due - elsewhere, refund);
  return { cents: elsewhere + walletCents, walletCents };
}

/**
 * The wallet keys of a reservation's refunds, each path's (the id captured): absence days,
 * closures, erasures, staff and family cancellations. A new path's key must match it.
 */
const RESERVATION_REFUND_KEY = '^(?:(?:absence-\\d+/day-|closure-\\d+/reservation-|erasure-\\d+/reservation-)(\\d+)|reservation-(\\d+)/(?:staff-cancellation|cancellation-refund|card-refund-to-wallet))$';

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

/**
 * The reservations refunded beyond their net paid price, read from the books themselves (the
 * wallet's refund entries keyed to a reservation, and card refunds), not from `refunded_cents`:
 * one of the invariants of the books.
 */
export async function reservationsRefundedBeyondNet(db: Db): Promise<{ reservationId: number; refundedCents: number; netCents: number }[]> {
  const { rows } = await sql<{ reservation_id: number; order_line_id: number | null; price_cents: number; refunded: number }>`
    with refunds as (
      select coalesce(m[1], m[2])::bigint as reservation_id, e.amount_cents as cents
      from wallet_entries e, regexp_match(e.idempotency_key, ${RESERVATION_REFUND_KEY}) as m
      where e.kind = 'refund'
      union all
      -- A card refund given to the wallet instead is counted once, by its wallet entry.
      select reservation_id, amount_cents from card_refunds where state <> 'to-wallet'
    )
    select r.id as reservation_id, r.order_line_id, r.price_cents, sum(f.cents)::int as refunded
    from refunds f join reservations r on r.id = f.reservation_id
    group by r.id
    having sum(f.cents) > 0`.execute(db);
  const over = [];
  for (const row of rows) {
    const net = await netPaidPrice(db, { order_line_id: row.order_line_id, price_cents: row.price_cents });
    if (row.refunded > net) over.push({ reservationId: Number(row.reservation_id), refundedCents: row.refunded, netCents: net });
  }
  return over;
}
