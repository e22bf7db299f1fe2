// Staff cancel reservations of an order of their communes, with a reason, and refund each its net
// paid price once: to the family's wallet, or to the card the order was paid with, a refund staff
// make at the provider and record here with its reference. The card gets back at most what it paid
// (the rest of a line paid by wallet goes to the wallet); the payment row's lock keeps two refunds
// from both taking the last euros.
import type { Db } from '../../connection.ts';
import { formatShortDate } from '../../../domain/dates.ts';
import { recordAudit } from '../staff/index.ts';
import { cancelAndRefund } from './refunds.ts';

export type RefundTo = { to: 'wallet' } | { to: 'card'; providerReference: string };

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
}

/** The cancelled lines, or 'none' when nothing was left to cancel, or 'no-card' when the order had no paid card payment. */
export async function staffCancelReservations(db: Db, input: StaffCancellation): Promise<CancelledLines | 'none' | 'no-card'> {
  if (input.communeIds.length === 0) return 'none';
  return db.transaction().execute(async (trx) => {
    const order = await trx
      .selectFrom('orders')
      .innerJoin('users', 'users.id', 'orders.user_id')
      .select(['orders.id', 'orders.card_payment_id', 'users.email', 'users.first_name'])
      .where('orders.number', '=', input.number)
      .executeTakeFirst();
    if (!order) return 'none';
    let cardLeft = 0;
    let paymentId: number | null = null;
    if (input.refund.to === 'card') {
      const payment = order.card_payment_id
        ? await trx.selectFrom('payments').select(['id', 'amount_cents']).where('id', '=', order.card_payment_id).where('state', '=', 'paid').forUpdate().executeTakeFirst()
        : undefined;
      if (!payment) return 'no-card';
      const { refunded } = await trx.selectFrom('card_refunds').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.lit(0)).as('refunded')).where('payment_id', '=', payment.id).executeTakeFirstOrThrow();
      cardLeft = payment.amount_cents - Number(refunded);
      paymentId = payment.id;
    }
    let query = trx
      .selectFrom('reservations')
      .innerJoin('order_lines', 'order_lines.id', 'reservations.order_line_id')
      .innerJoin('products', 'products.id', 'reservations.product_id')
      .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
      .selectAll('reservations')
      .select(['products.name as product', 'dependants.first_name as child'])
      .where('order_lines.order_id', '=', order.id)
      .where('reservations.state', '=', 'confirmed')
      .where('products.commune_id', 'in', input.communeIds)
      .orderBy('reservations.service_date')
      .orderBy('reservations.id')
      .forUpdate(['reservations']);
    if (input.reservations !== 'all') query = query.where('reservations.id', 'in', input.reservations.length > 0 ? input.reservations : [0]);
    const reservations = await query.execute();
    if (reservations.length === 0 || (input.reservations !== 'all' && reservations.length !== input.reservations.length)) return 'none';

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
            await trx.insertInto('card_refunds').values({ payment_id: paymentId, reservation_id: reservation.id, amount_cents: cardCents, provider_reference: input.refund.providerReference, staff_id: input.staffId }).execute();
            cardLeft -= cardCents;
          }
          return cardCents;
        },
      });
      await recordAudit(trx, {
        actorId: input.staffId,
        action: 'reservation.cancelled-by-staff',
        subject: { type: 'reservation', id: reservation.id },
        details: { order: input.number, reason: input.reason, walletCents, cardCents, ...(cardCents > 0 && input.refund.to === 'card' ? { providerReference: input.refund.providerReference } : {}) },
      });
      lines.push({ product: reservation.product, day: reservation.service_date, child: reservation.child, walletCents, cardCents });
    }
    return { family: { email: order.email, firstName: order.first_name }, lines, freed: reservations.map((reservation) => ({ reservationId: reservation.id })) };
  });
}
