// A card refund after staff decided it: asked of the provider by the `card-refund-<id>` workflow,
// then done (the provider's reference kept, and only then journalled), or refused (its code and
// reason shown to staff, who try again or give the amount to the family's wallet instead: never
// both, never twice, each decided under the refund row's lock).
import type { Db } from '../../connection.ts';
import { formatShortDate } from '../../../domain/dates.ts';
import { journalCardRefund } from '../regies/index.ts';
import { moveMoney } from '../wallet/index.ts';
import { recordAudit } from '../staff/index.ts';

/** What the provider needs to refund, and the account of the régie that took the payment. */
export async function cardRefundToAsk(db: Db, cardRefundId: number) {
  return db
    .selectFrom('card_refunds')
    .innerJoin('payments', 'payments.id', 'card_refunds.payment_id')
    .leftJoin('regies', 'regies.id', 'payments.regie_id')
    .select([
      'card_refunds.id', 'card_refunds.state', 'card_refunds.attempt', 'card_refunds.amount_cents', 'payments.reference', 'payments.provider',
      'payments.paybox_numappel', 'payments.paybox_numtrans', 'payments.provider_transaction', 'regies.paybox_site', 'regies.paybox_rang', 'regies.paybox_cle',
    ])
    .where('card_refunds.id', '=', cardRefundId)
    .executeTakeFirst();
}

export type RefundSettlement = { outcome: 'refunded'; reference: string; code: string } | { outcome: 'refused'; code: string; comment: string };

/**
 * The provider's answer to a try: recorded once (a retried activity, or an answer to an earlier
 * try, changes nothing). Done, the refund is journalled in the same transaction. The refund's state.
 */
export async function settleCardRefund(db: Db, cardRefundId: number, attempt: number, answer: RefundSettlement, now: Date): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const refund = await trx.selectFrom('card_refunds').select(['state', 'attempt', 'staff_id']).where('id', '=', cardRefundId).forUpdate().executeTakeFirstOrThrow();
    if (refund.state !== 'requested' || refund.attempt !== attempt) return refund.state;
    if (answer.outcome === 'refunded') {
      await trx.updateTable('card_refunds').set({ state: 'done', provider_reference: answer.reference, provider_code: answer.code, provider_comment: null, updated_at: now }).where('id', '=', cardRefundId).execute();
      await journalCardRefund(trx, cardRefundId, { staffId: refund.staff_id, at: now });
      return 'done';
    }
    await trx.updateTable('card_refunds').set({ state: 'refused', provider_code: answer.code.slice(0, 20), provider_comment: answer.comment.slice(0, 300), updated_at: now }).where('id', '=', cardRefundId).execute();
    return 'refused';
  });
}

/** A card refund of the order's lines in these communes, under its lock to act on it, without for the page that asks staff to confirm. */
function refundOfOrder(trx: Db, communeIds: number[], number: string, cardRefundId: number, lock: boolean) {
  const query = trx
    .selectFrom('card_refunds')
    .innerJoin('reservations', 'reservations.id', 'card_refunds.reservation_id')
    .innerJoin('order_lines', 'order_lines.id', 'reservations.order_line_id')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .innerJoin('products', 'products.id', 'reservations.product_id')
    .select(['card_refunds.id', 'card_refunds.state', 'card_refunds.attempt', 'card_refunds.amount_cents', 'reservations.id as reservation_id', 'reservations.user_id', 'reservations.service_date', 'products.name as product'])
    .where('card_refunds.id', '=', cardRefundId)
    .where('orders.number', '=', number)
    .where('products.commune_id', 'in', communeIds.length > 0 ? communeIds : [0]);
  return (lock ? query.forUpdate(['card_refunds']) : query).executeTakeFirst();
}

/** A card refund of the order in these communes, as staff are asked to confirm what they do with it. */
export function staffCardRefund(db: Db, input: { communeIds: number[]; number: string; cardRefundId: number }) {
  return refundOfOrder(db, input.communeIds, input.number, input.cardRefundId, false);
}

/**
 * Staff try a refused refund again: its next try (a new question to the provider). A refund still
 * waiting for its answer (its workflow's start lost, say) is asked again with the same question,
 * which the provider never answers twice. 'none' when it waits for no decision (any more).
 */
export async function retryCardRefund(db: Db, input: { communeIds: number[]; number: string; cardRefundId: number; staffId: number; now: Date }): Promise<{ attempt: number } | 'none'> {
  return db.transaction().execute(async (trx) => {
    const refund = await refundOfOrder(trx, input.communeIds, input.number, input.cardRefundId, true);
    if (refund?.state === 'requested') return { attempt: refund.attempt };
    if (refund?.state !== 'refused' || refund.attempt >= 99) return 'none';
    const attempt = refund.attempt + 1;
    await trx.updateTable('card_refunds').set({ state: 'requested', attempt, updated_at: input.now }).where('id', '=', refund.id).execute();
    await recordAudit(trx, { actorId: input.staffId, action: 'card-refund.retried', subject: { type: 'reservation', id: refund.reservation_id }, details: { order: input.number, cardRefundId: refund.id, attempt } });
    return { attempt };
  });
}

/** Staff give a refused card refund to the family's wallet instead, once: the cents credited, or 'none'. */
export async function cardRefundToWallet(db: Db, input: { communeIds: number[]; number: string; cardRefundId: number; staffId: number; now: Date }): Promise<{ cents: number; userId: number } | 'none'> {
  return db.transaction().execute(async (trx) => {
    const refund = await refundOfOrder(trx, input.communeIds, input.number, input.cardRefundId, true);
    if (refund?.state !== 'refused') return 'none';
    // The reservation already counts these cents as refunded (its card part): only where they go changes.
    await moveMoney(trx, {
      userId: refund.user_id,
      amountCents: refund.amount_cents,
      kind: 'refund',
      label: `Remboursement refusé sur la carte, versé au porte-monnaie : ${refund.product}, ${formatShortDate(refund.service_date)}`,
      idempotencyKey: `reservation-${refund.reservation_id}/card-refund-to-wallet`,
      journal: { to: 'reservation', reservationId: refund.reservation_id },
      createdBy: input.staffId,
      at: input.now,
    });
    await trx.updateTable('card_refunds').set({ state: 'to-wallet', updated_at: input.now }).where('id', '=', refund.id).execute();
    await recordAudit(trx, { actorId: input.staffId, action: 'card-refund.to-wallet', subject: { type: 'reservation', id: refund.reservation_id }, details: { order: input.number, cardRefundId: refund.id, walletCents: refund.amount_cents } });
    return { cents: refund.amount_cents, userId: refund.user_id };
  });
}
