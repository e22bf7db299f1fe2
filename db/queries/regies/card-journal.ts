// The journal's side of card payments and their refunds: an order's card part received, shared
// among its products as its wallet part is; a card refund given back at the provider.
import type { Db } from '../../connection.ts';
import type { RegieMethod } from '../../../domain/regies.ts';
import type { PaymentProviderName } from '../../database.ts';
import { orderPartShares, recordJournal, reservationRegie } from './journal.ts';

/** The journal's method of a card payment: Paybox's card, or PayFiP's card or SEPA debit. */
export function cardMethod(payment: { provider: PaymentProviderName; card_type: string | null }): RegieMethod {
  if (payment.provider === 'payfip') return payment.card_type === 'SEPA' ? 'payfip-sepa' : 'payfip-card';
  return 'card';
}

/** An order's card payment confirmed paid: its amount received, per product of the order. */
export async function journalOrderCardPayment(trx: Db, paymentId: number, orderId: number, at?: Date): Promise<void> {
  const payment = await trx.selectFrom('payments').select(['id', 'user_id', 'amount_cents', 'provider', 'card_type', 'reference', 'provider_transaction']).where('id', '=', paymentId).executeTakeFirstOrThrow();
  const { number, parts } = await orderPartShares(trx, orderId, 'card', payment.amount_cents);
  await recordJournal(trx, parts.map((part, index) => ({
    regieId: part.regieId, productId: part.productId, orderId, paymentId: payment.id, userId: payment.user_id,
    kind: 'card-payment', series: 'receipt', method: cardMethod(payment), amountCents: part.cents,
    providerReference: payment.provider_transaction ?? payment.reference, label: `Commande ${number}`,
    key: `payment-${payment.id}/journal-${index}`, ...(at ? { at } : {}),
  })));
}

/** A card refund made at the provider (or by the régie's transfer when the provider has no refund). */
export async function journalCardRefund(trx: Db, cardRefundId: number, input: { byTransfer?: boolean; staffId?: number | null; at?: Date }): Promise<void> {
  const refund = await trx
    .selectFrom('card_refunds')
    .innerJoin('payments', 'payments.id', 'card_refunds.payment_id')
    .select(['card_refunds.id', 'card_refunds.amount_cents', 'card_refunds.reservation_id', 'card_refunds.provider_reference', 'payments.id as payment_id', 'payments.user_id', 'payments.provider', 'payments.card_type'])
    .where('card_refunds.id', '=', cardRefundId)
    .executeTakeFirstOrThrow();
  const { regieId, productId } = await reservationRegie(trx, refund.reservation_id);
  await recordJournal(trx, [{
    regieId, productId, paymentId: refund.payment_id, cardRefundId: refund.id, userId: refund.user_id,
    kind: input.byTransfer ? 'transfer-refund' : 'card-refund', series: 'refund', method: input.byTransfer ? 'transfer' : cardMethod(refund),
    amountCents: refund.amount_cents, providerReference: refund.provider_reference, label: 'Remboursement d\'une réservation annulée',
    key: `card-refund-${refund.id}/journal`, recordedBy: input.staffId ?? null, ...(input.at ? { at: input.at } : {}),
  }]);
}
