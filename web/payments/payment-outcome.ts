// A card payment's outcome, signed by the provider, delivered to the workflow waiting on it (a
// top-up or an order). It arrives twice: the provider's server-to-server notification, and the
// same signed fields on the browser's return. Either suffices, so that a notification lost on the
// way (our site down for a moment) does not leave a paid order waiting; the workflow takes the
// first and ignores the second.
import { markPaymentToReconcile, paymentByReference, recordPayboxNumbers } from '../../db/queries/payments/payments.ts';
import { isPaid } from '../../domain/card-outcome.ts';
import type { AppDeps } from '../http/deps.ts';

export type Delivery = 'delivered' | 'bad-signature' | 'unknown-payment';

export function paymentOutcomes(deps: Pick<AppDeps, 'db' | 'workflows' | 'logger' | 'payments' | 'now'>) {
  const { db, workflows, logger, payments, now } = deps;

  /**
   * Verifies the signed query string (with its "?") and tells the payment's workflow. From the
   * browser's return (`via: 'return'`), only a payment still waiting is told, and only its running
   * workflow: a late outcome, after the workflow ended, is the notification's to settle.
   */
  return async function deliver(rawQuery: string, via: 'notification' | 'return' = 'notification'): Promise<Delivery> {
    const notification = payments.verify(rawQuery);
    if (!notification) {
      logger.warn({ query: rawQuery.slice(0, 300) }, 'payment notification with a bad signature');
      return 'bad-signature';
    }
    const payment = await paymentByReference(db, notification.reference);
    if (!payment || payment.amount_cents !== notification.amountCents) {
      logger.warn({ reference: notification.reference, amount: notification.amountCents }, 'payment notification for an unknown payment or another amount');
      return 'unknown-payment';
    }
    // What a refund at the provider will need, kept before anything else the outcome sets in motion.
    if (isPaid(notification.outcome) && notification.numTrans) await recordPayboxNumbers(db, payment.id, { numAppel: notification.transaction, numTrans: notification.numTrans });
    if (via === 'return' && payment.state !== 'pending') return 'delivered';
    const signal = { outcome: notification.outcome, amountCents: notification.amountCents, transaction: notification.transaction, errorCode: notification.errorCode, reference: payment.reference };
    // An order's payment already settled is no longer waited on, even by a workflow still running
    // (a card refused, then another tried): what it says now is a late outcome, settled below.
    const awaited = payment.purpose !== 'order' || payment.state === 'pending';
    if (awaited && (await workflows.cardPaymentOutcome(payment, signal))) return 'delivered';
    if (via === 'return') return 'delivered';
    if (payment.purpose === 'order') {
      // The order already ended: money taken now goes to the family's wallet, never kept.
      if (isPaid(notification.outcome)) {
        logger.warn({ paymentId: payment.id, reference: payment.reference }, 'card payment notified after its order ended: refunding to the wallet');
        await workflows.startLateCardPayment(payment.id, notification.amountCents);
      } else if (notification.outcome === 'already-paid') {
        logger.warn({ paymentId: payment.id, reference: payment.reference }, 'card payment said already made after its order ended: to reconcile');
        await markPaymentToReconcile(db, payment.id, notification.errorCode, now());
      }
      return 'delivered';
    }
    // Settled already (a repeated notification): nothing to do, and no second run to start.
    if (payment.state !== 'pending' && payment.state !== 'expired') return 'delivered';
    // The workflow gave up (no answer in time): a late payment still settles, in a new run.
    await workflows.settleLateTopUp(payment.id, signal);
    return 'delivered';
  };
}

/**
 * On a return page: delivers the provider's signed fields if the browser brought them. Never
 * fails the page, which shows the state the workflow knows either way.
 */
export function signedReturns(deps: Parameters<typeof paymentOutcomes>[0]) {
  const deliver = paymentOutcomes(deps);
  return async (url: string): Promise<void> => {
    const search = new URL(url).search;
    if (!/[?&]sign=/.test(search)) return;
    await deliver(search, 'return').catch((error: unknown) => deps.logger.warn({ err: error }, 'signed return not delivered'));
  };
}
