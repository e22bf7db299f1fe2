// The card provider's server-to-server notification, the only proof of payment: verified, matched
// to its payment, and delivered as a signal to the workflow waiting on it (a top-up or an order).
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { Hono } from 'hono';
import { cardPaymentNotified } from '../../workflows/card-payment.messages.ts';
import type { lateCardPayment } from '../../workflows/late-card-payment.ts';
import { orderWorkflowId } from '../../workflows/order.messages.ts';
import { topUpWorkflowId } from '../../workflows/wallet-top-up.messages.ts';
import type { walletTopUp } from '../../workflows/wallet-top-up.ts';
import type { AppDeps } from '../app.ts';
import type { AppEnv } from '../env.ts';
import type { AccessTable } from '../access.ts';

/** Who may call each route below (see web/access.ts). */
export const paymentNotificationAccess = {
  // The provider's server calls it; the signature, not a session, says who it is.
  'GET /paiement/notification': { who: 'anyone' },
} satisfies AccessTable;

export function paymentNotificationRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, temporal, config, logger, payments } = deps;
  const router = new Hono<AppEnv>();

  router.get('/paiement/notification', async (c) => {
    const rawQuery = new URL(c.req.url).search;
    const notification = payments.verify(rawQuery);
    if (!notification) {
      logger.warn({ query: rawQuery.slice(0, 300) }, 'payment notification with a bad signature');
      return c.text('signature invalide', 400);
    }
    const payment = await db.selectFrom('payments').selectAll().where('reference', '=', notification.reference).executeTakeFirst();
    if (!payment || payment.amount_cents !== notification.amountCents) {
      logger.warn({ reference: notification.reference, amount: notification.amountCents }, 'payment notification for an unknown payment or another amount');
      return c.text('paiement inconnu', 400);
    }
    const signal = { outcome: notification.outcome, amountCents: notification.amountCents, transaction: notification.transaction, errorCode: notification.errorCode };
    const workflowId = payment.purpose === 'order' ? orderWorkflowId(payment.reference.slice('order-'.length)) : topUpWorkflowId(payment.id);
    try {
      await temporal.workflow.getHandle(workflowId).signal(cardPaymentNotified, signal);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      if (payment.purpose === 'order') {
        // The order already ended: money taken now goes to the family's wallet, never kept.
        if (notification.outcome === 'paid' || notification.outcome === 'already-paid') {
          logger.warn({ paymentId: payment.id, reference: payment.reference }, 'card payment notified after its order ended: refunding to the wallet');
          await temporal.workflow
            .start<typeof lateCardPayment>('lateCardPayment', {
              taskQueue: config.TEMPORAL_TASK_QUEUE,
              workflowId: `late-payment-${payment.id}`,
              args: [{ paymentId: payment.id, amountCents: notification.amountCents }],
            })
            .catch((startError: unknown) => {
              if (!(startError instanceof WorkflowExecutionAlreadyStartedError)) throw startError;
            });
        }
        return c.text('OK');
      }
      // The workflow gave up (no answer in time): a late payment still settles, in a new run.
      await temporal.workflow.signalWithStart<typeof walletTopUp, [typeof signal]>('walletTopUp', {
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        workflowId: topUpWorkflowId(payment.id),
        args: [{ paymentId: payment.id }],
        signal: cardPaymentNotified,
        signalArgs: [signal],
      });
    }
    return c.text('OK');
  });

  return router;
}
