// Staff cancel reservations of an order of their communes, with a reason, and refund each its net
// paid price once: to the family's wallet, or to the card the order was paid with. A Paybox
// payment's refund is recorded here as requested, and its `card-refund-<id>` workflow asks the
// provider (db/queries/orders/card-refunds.ts); where the provider has no refund (PayFiP), the
// régie refunds by transfer and staff record its reference, journalled at once. The card gets
// back at most what it paid (the rest of a line paid by wallet goes to the wallet); the payment
// row's lock keeps two refunds from both taking the last euros. Before acting, staff are shown
// the same reckoning to confirm.
import type { Db } from '../../connection.ts';
import { formatShortDate } from '../../../domain/dates.ts';
import { recordAudit } from '../staff/index.ts';
import { cancelAndRefund, refundDue } from './refunds.ts';
import { journalCardRefund } from '../regies/index.ts';

/** To the card: the régie's transfer's reference, needed only where the provider has no refund (PayFiP). */
export type RefundTo = { to: 'wallet' } | { to: 'card'; transferReference?: string };

export interface StaffCancellation {
  communeIds: number[];
  number: string;
  /** The reservations to cancel; 'all' for every confirmed one of the order in these communes. */
  reservations: number[] | 'all';
  reason: string;
  refund: RefundTo;
  staffId: number;
  now: Date;
}

export interface CancelledLines {
  family: { email: string; firstName: string | null };
  lines: { product: string; day: string; child: string; walletCents: number; cardCents: number }[];
  /** The places freed: their days' waiting lists are woken. */
  freed: { reservationId: number }[];
  /** The card refunds to ask of the provider, each by its workflow. */
  toAsk: number[];
}

type Reckoned = {
  order: { id: number; email: string; first_name: string | null; last_name: string | null };
  paymentId: number | null;
  cardLeft: number;
  /** The provider took the payment without a refund of its own: the régie refunds by transfer. */
  byTransfer: boolean;
  reservations: Awaited<ReturnType<typeof reservationsToCancel>>;
};

/** Why a cancellation did nothing: nothing left to cancel, no paid card, or a transfer's reference missing. */
export type CancellationRefused = 'none' | 'no-card' | 'transfer-reference';

function reservationsToCancel(trx: Db, orderId: number, input: Pick<StaffCancellation, 'communeIds' | 'reservations'>, lock: boolean) {
  let query = trx
    .selectFrom('reservations')
    .innerJoin('order_lines', 'order_lines.id', 'reservations.order_line_id')
    .innerJoin('products', 'products.id', 'reservations.product_id')
    .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
    .selectAll('reservations')
    .select(['products.name as product', 'dependants.first_name as child'])
    .where('order_lines.order_id', '=', orderId)
    .where('reservations.state', '=', 'confirmed')
    .where('products.commune_id', 'in', input.communeIds)
    .orderBy('reservations.service_date')
    .orderBy('reservations.id');
  if (input.reservations !== 'all') query = query.where('reservations.id', 'in', input.reservations.length > 0 ? input.reservations : [0]);
  return (lock ? query.forUpdate(['reservations']) : query).execute();
}

/**
 * The order, what its card may still get back, and the reservations the cancellation takes: read
 * under their locks to act, without them for the page that asks staff to confirm, the same way.
 */
async function reckon(trx: Db, input: Omit<StaffCancellation, 'staffId' | 'now' | 'reason'>, lock: boolean): Promise<Reckoned | CancellationRefused> {
  if (input.communeIds.length === 0) return 'none';
  const order = await trx
    .selectFrom('orders')
    .innerJoin('users', 'users.id', 'orders.user_id')
    .select(['orders.id', 'orders.card_payment_id', 'users.email', 'users.first_name', 'users.last_name'])
    .where('orders.number', '=', input.number)
    .executeTakeFirst();
  if (!order) return 'none';
  let cardLeft = 0;
  let paymentId: number | null = null;
  let byTransfer = false;
  if (input.refund.to === 'card') {
    const read = trx.selectFrom('payments').select(['id', 'amount_cents', 'provider']).where('id', '=', order.card_payment_id ?? 0).where('state', '=', 'paid');
    const payment = order.card_payment_id ? await (lock ? read.forUpdate() : read).executeTakeFirst() : undefined;
    if (!payment) return 'no-card';
    // Every refund asked, done or refused holds its cents of the card; one given to the wallet instead no longer does.
    const { refunded } = await trx
      .selectFrom('card_refunds')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.lit(0)).as('refunded'))
      .where('payment_id', '=', payment.id)
      .where('state', '<>', 'to-wallet')
      .executeTakeFirstOrThrow();
    cardLeft = payment.amount_cents - Number(refunded);
    paymentId = payment.id;
    byTransfer = payment.provider === 'payfip';
    if (byTransfer && !input.refund.transferReference) return 'transfer-reference';
  }
  const reservations = await reservationsToCancel(trx, order.id, input, lock);
  if (reservations.length === 0 || (input.reservations !== 'all' && reservations.length !== input.reservations.length)) return 'none';
  return { order, paymentId, cardLeft, byTransfer, reservations };
}

export interface CancellationPreview {
  family: { email: string; name: string };
  lines: CancelledLines['lines'];
  /** The card part goes back by the régie's transfer (PayFiP), not by the provider. */
  byTransfer: boolean;
}

/**
 * What the cancellation would do now, for the page that asks staff to confirm: each line with what
 * goes to the wallet and to the card, reckoned as `staffCancelReservations` does (the card first,
 * up to what it has left, the rest to the wallet). Writes nothing.
 */
export async function previewStaffCancellation(db: Db, input: Omit<StaffCancellation, 'staffId' | 'now' | 'reason'>): Promise<CancellationPreview | CancellationRefused> {
  const reckoned = await reckon(db, input, false);
  if (typeof reckoned === 'string') return reckoned;
  let cardLeft = reckoned.cardLeft;
  const lines: CancelledLines['lines'] = [];
  for (const reservation of reckoned.reservations) {
    const due = await refundDue(db, reservation);
    const cardCents = input.refund.to === 'card' ? Math.min(due, cardLeft) : 0;
    cardLeft -= cardCents;
    lines.push({ product: reservation.product, day: reservation.service_date, child: reservation.child, walletCents: due - cardCents, cardCents });
  }
  const { email, first_name: first, last_name: last } = reckoned.order;
  return { family: { email, name: [first, last].filter(Boolean).join(' ') || email }, lines, byTransfer: reckoned.byTransfer };
}

/** The cancelled lines, or why nothing was done. */
export async function staffCancelReservations(db: Db, input: StaffCancellation): Promise<CancelledLines | CancellationRefused> {
  return db.transaction().execute(async (trx) => {
    const reckoned = await reckon(trx, input, true);
    if (typeof reckoned === 'string') return reckoned;
    const { order, paymentId, reservations, byTransfer } = reckoned;
    const transferReference = input.refund.to === 'card' ? (input.refund.transferReference ?? null) : null;
    let cardLeft = reckoned.cardLeft;
    const toAsk: number[] = [];

    const lines: CancelledLines['lines'] = [];
    for (const reservation of reservations) {
      let cardCents = 0;
      const { walletCents } = await cancelAndRefund(trx, reservation, {
        key: `reservation-${reservation.id}/staff-cancellation`,
        label: `Annulation par la commune : ${reservation.product}, ${formatShortDate(reservation.service_date)} (${input.reason})`,
        now: input.now,
        elsewhereCents: async (net) => {
          if (input.refund.to !== 'card' || paymentId === null) return 0;
          cardCents = Math.min(net, cardLeft);
          if (cardCents > 0) {
            const cardRefund = await trx
              .insertInto('card_refunds')
              .values(byTransfer
                ? { payment_id: paymentId, reservation_id: reservation.id, amount_cents: cardCents, provider_reference: transferReference, staff_id: input.staffId, state: 'done', method: 'transfer', updated_at: input.now }
                : { payment_id: paymentId, reservation_id: reservation.id, amount_cents: cardCents, staff_id: input.staffId, state: 'requested', updated_at: input.now })
              .returning('id')
              .executeTakeFirstOrThrow();
            // A transfer is made: journalled now. The provider's refund only once it says done.
            if (byTransfer) await journalCardRefund(trx, cardRefund.id, { byTransfer: true, staffId: input.staffId, at: input.now });
            else toAsk.push(cardRefund.id);
            cardLeft -= cardCents;
          }
          return cardCents;
        },
      });
      await recordAudit(trx, {
        actorId: input.staffId,
        action: 'reservation.cancelled-by-staff',
        subject: { type: 'reservation', id: reservation.id },
        details: { order: input.number, reason: input.reason, walletCents, cardCents, ...(cardCents > 0 && transferReference ? { transferReference } : {}) },
      });
      lines.push({ product: reservation.product, day: reservation.service_date, child: reservation.child, walletCents, cardCents });
    }
    return { family: { email: order.email, firstName: order.first_name }, lines, freed: reservations.map((reservation) => ({ reservationId: reservation.id })), toAsk };
  });
}
