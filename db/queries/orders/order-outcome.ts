// How an order ends: its money moved (wallet and card), then either every held place becomes a
// reservation with its e-ticket, or the places go back. Each money movement is keyed by the order
// and step, and each state change is allowed only from the state it expects.
import type { Db } from '../../connection.ts';
import { ticketCode } from '../../../lib/tokens.ts';
import { orderNumberOfReference, paymentReference } from '../payments/index.ts';
import { moveMoney } from '../wallet/index.ts';
import { collectingRegie, journalOrderCardPayment } from '../regies/index.ts';
import { OrderStepRefused, orderById } from './order-steps.ts';

/**
 * Takes the wallet part; InsufficientFunds (db/queries/wallet/wallet.ts) when the balance no longer
 * allows it. `at`, the product's clock, dates the journal's entries as the card's are.
 */
export async function debitWalletForOrder(db: Db, orderId: number, key: string, at?: Date): Promise<void> {
  const order = await orderById(db, orderId);
  await moveMoney(db, { userId: order.user_id, amountCents: -order.wallet_cents, kind: 'payment', label: `Commande ${order.number}`, idempotencyKey: key, journal: { to: 'order', orderId, part: 'wallet' }, ...(at ? { at } : {}) });
}

export async function refundWalletForOrder(db: Db, orderId: number, key: string, at?: Date): Promise<void> {
  const order = await orderById(db, orderId);
  await moveMoney(db, { userId: order.user_id, amountCents: order.wallet_cents, kind: 'refund', label: `Remboursement de la commande ${order.number}`, idempotencyKey: key, journal: { to: 'order', orderId, part: 'wallet' }, ...(at ? { at } : {}) });
}

/**
 * The card part of an order paid but not confirmed (a place lost meanwhile): the provider's
 * refund is not automated, so the amount goes to the family's wallet, once.
 */
export async function creditCardPartToWallet(db: Db, orderId: number, key: string, at?: Date): Promise<void> {
  const order = await orderById(db, orderId);
  await moveMoney(db, { userId: order.user_id, amountCents: order.card_cents, kind: 'refund', label: `Paiement par carte de la commande ${order.number} rendu`, idempotencyKey: key, journal: { to: 'order', orderId, part: 'card' }, ...(at ? { at } : {}) });
}

/**
 * The card part: a payment row the provider will know as "order-<number>", one per order. Two
 * runs of this step can overlap (a workflow task timed out on a busy worker is run again while the
 * first is still at work): the order's row is locked, so that the second finds the first's
 * payment instead of naming another, which the order's page and the workflow would then disagree
 * on (the parent paying one, the workflow waiting for the other).
 */
export async function createOrderCardPayment(db: Db, orderId: number, cardType: string): Promise<{ paymentId: number; reference: string }> {
  return db.transaction().execute(async (trx) => {
    const order = await trx.selectFrom('orders').select(['id', 'number', 'user_id', 'card_cents', 'card_payment_id']).where('id', '=', orderId).forUpdate().executeTakeFirstOrThrow();
    // A retried step finds the payment it created.
    if (order.card_payment_id) {
      const existing = await trx.selectFrom('payments').select(['id', 'reference']).where('id', '=', order.card_payment_id).executeTakeFirstOrThrow();
      return { paymentId: existing.id, reference: existing.reference };
    }
    const reference = paymentReference(`order-${order.number}`);
    const payment = await trx
      .insertInto('payments')
      .values({ user_id: order.user_id, purpose: 'order', method: 'card', amount_cents: order.card_cents, reference, card_type: cardType, provider: cardType === 'PAYFIP' ? 'payfip' : 'paybox', regie_id: await collectingRegie(trx, order.id) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('orders').set({ card_payment_id: payment.id }).where('id', '=', order.id).execute();
    return { paymentId: payment.id, reference };
  });
}

export interface CardSettlement {
  paymentId: number;
  state: 'paid' | 'refused' | 'cancelled' | 'expired' | 'to-reconcile';
  transaction?: string;
  errorCode?: string;
}

/** Settles a pending card payment; paid, its receipt goes to the régies' journal in the same transaction. */
export async function settleOrderCardPayment(db: Db, settlement: CardSettlement, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const settled = await trx
      .updateTable('payments')
      .set({ state: settlement.state, provider_transaction: settlement.transaction ?? null, provider_error: settlement.errorCode ?? null, updated_at: now })
      .where('id', '=', settlement.paymentId)
      .where('state', '=', 'pending')
      .returning(['id', 'reference', 'user_id'])
      .executeTakeFirst();
    if (!settled || settlement.state !== 'paid') return;
    const order = await orderOfPayment(trx, settled);
    if (order) await journalOrderCardPayment(trx, settled.id, order.id, now);
  });
}

/** The order a card payment was made for: its current one, or an earlier try named by its reference. */
function orderOfPayment(trx: Db, payment: { id: number; reference: string; user_id: number }) {
  const number = orderNumberOfReference(payment.reference);
  return trx
    .selectFrom('orders')
    .select(['id', 'number', 'state'])
    .where((eb) => eb.or([eb('card_payment_id', '=', payment.id), ...(number ? [eb.and([eb('number', '=', number), eb('user_id', '=', payment.user_id)])] : [])]))
    .executeTakeFirst();
}

/** Paid: every held place becomes a reservation with its e-ticket, in one transaction. */
export async function confirmOrder(db: Db, orderId: number, now: Date): Promise<{ reservations: number }> {
  return db.transaction().execute(async (trx) => {
    const order = await trx.selectFrom('orders').selectAll().where('id', '=', orderId).forUpdate().executeTakeFirstOrThrow();
    const lines = await trx
      .selectFrom('order_lines')
      .innerJoin('holds', 'holds.id', 'order_lines.hold_id')
      .selectAll('holds')
      .select('order_lines.id as line_id')
      .where('order_lines.order_id', '=', order.id)
      .forUpdate()
      .execute();
    for (const hold of lines) {
      if (hold.state === 'held' || hold.state === 'expired') {
        // An expired hold of a paid order is honoured: the order kept it alive while it waited.
        await trx.updateTable('holds').set({ state: 'confirmed', ended_at: now }).where('id', '=', hold.id).execute();
      } else if (hold.state !== 'confirmed') {
        throw new OrderStepRefused(`hold ${hold.id} of order ${order.number} is ${hold.state}`, 'HoldLost');
      }
      await trx
        .insertInto('reservations')
        .values({
          hold_id: hold.id, slot_id: hold.slot_id, product_id: hold.product_id, prestation_id: hold.prestation_id, service_date: hold.service_date,
          dependant_id: hold.dependant_id, user_id: hold.user_id, price_cents: hold.price_cents, order_line_id: hold.line_id,
        })
        .onConflict((oc) => oc.column('hold_id').doNothing())
        .execute();
      const reservation = await trx.selectFrom('reservations').select('id').where('hold_id', '=', hold.id).executeTakeFirstOrThrow();
      await trx.insertInto('e_tickets').values({ reservation_id: reservation.id, code: ticketCode() }).onConflict((oc) => oc.column('reservation_id').doNothing()).execute();
    }
    if (order.state !== 'paid') await trx.updateTable('orders').set({ state: 'paid', paid_at: now }).where('id', '=', order.id).execute();
    await trx.updateTable('voucher_uses').set({ state: 'used' }).where('order_id', '=', order.id).execute();
    // A place offered from a waiting list, now booked: its family leaves the line.
    if (lines.length > 0) await trx.updateTable('waitlist_entries').set({ status: 'booked', ended_at: now }).where('offer_hold_id', 'in', lines.map((hold) => hold.id)).where('status', '=', 'offered').execute();
    return { reservations: lines.length };
  });
}

/** Not paid: the places go back; the order says why. Returns the holds released. */
export async function abandonOrder(db: Db, orderId: number, reason: string, now: Date): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('orders')
      .set({ state: 'abandoned', abandoned_at: now, abandon_reason: reason })
      .where('id', '=', orderId)
      .where('state', 'in', ['open', 'awaiting-payment'])
      .execute();
    await trx.updateTable('voucher_uses').set({ state: 'released' }).where('order_id', '=', orderId).execute();
    const released = await trx
      .updateTable('holds')
      .set({ state: 'released', ended_at: now })
      .where('state', '=', 'held')
      .where('id', 'in', trx.selectFrom('order_lines').select('hold_id').where('order_id', '=', orderId))
      .returning('id')
      .execute();
    return released.map((row) => row.id);
  });
}

/**
 * A card payment confirmed after its order was done with it: the money is not kept without
 * places, it goes to the family's wallet, once. Done with it: the order ended (abandoned after
 * 30 minutes), or the order settled it as not paid (refused, abandoned, unanswered) and went on
 * to another try, paid another way or not. A payment already settled as paid is left alone: its
 * order took the money back itself (a place lost after the card was paid credits the card part
 * under the order's own key), and a notification replayed after that must not credit it a second
 * time under this one.
 */
export async function settleLateOrderPayment(db: Db, paymentId: number, amountCents: number, now: Date): Promise<'refunded-to-wallet' | 'nothing-to-do'> {
  return db.transaction().execute(async (trx) => {
    const payment = await trx.selectFrom('payments').selectAll().where('id', '=', paymentId).forUpdate().executeTakeFirstOrThrow();
    if (payment.state === 'paid' || payment.purpose !== 'order' || amountCents !== payment.amount_cents) return 'nothing-to-do';
    // An earlier try's payment is no longer the order's card payment: its reference names the order.
    const order = await orderOfPayment(trx, payment);
    if (!order) return 'nothing-to-do';
    // Still pending, the payment is the running order's to settle; only an order ended leaves it here.
    if (payment.state === 'pending' && order.state !== 'abandoned') return 'nothing-to-do';
    await moveMoney(trx, {
      userId: payment.user_id,
      amountCents: payment.amount_cents,
      kind: 'refund',
      label: order.state === 'abandoned' ? `Paiement par carte reçu après l'abandon de la commande ${order.number}` : `Paiement par carte refusé puis reçu de la commande ${order.number}, rendu`,
      idempotencyKey: `payment-${payment.id}/late-refund`,
      journal: { to: 'order', orderId: order.id, part: 'card' },
      at: now,
    });
    await trx.updateTable('payments').set({ state: 'paid', updated_at: now }).where('id', '=', payment.id).execute();
    await journalOrderCardPayment(trx, payment.id, order.id, now);
    return 'refunded-to-wallet';
  });
}

/** What the order's mail tells: the family, the order and its lines by date. */
export async function orderMailFacts(db: Db, orderId: number) {
  const order = await orderById(db, orderId);
  const user = await db.selectFrom('users').select(['email', 'first_name']).where('id', '=', order.user_id).executeTakeFirstOrThrow();
  const lines = await db
    .selectFrom('order_lines')
    .innerJoin('holds', 'holds.id', 'order_lines.hold_id')
    .innerJoin('products', 'products.id', 'holds.product_id')
    .innerJoin('prestations', 'prestations.id', 'holds.prestation_id')
    .innerJoin('dependants', 'dependants.id', 'holds.dependant_id')
    .select(['products.name as product', 'prestations.label as prestation', 'dependants.first_name', 'dependants.last_name', 'holds.service_date', 'order_lines.price_cents'])
    .where('order_lines.order_id', '=', order.id)
    .orderBy('holds.service_date')
    .execute();
  return { order, user, lines };
}
