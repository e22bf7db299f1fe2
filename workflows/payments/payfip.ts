// payfipPayment (payfip-<paymentId>): a payment through PayFiP, the DGFiP's service. It creates the
// operation at the web service (the page waiting for it then sends the payer to PayFiP's page),
// waits for PayFiP's notification or the payer's return (or 20 minutes), then asks the web service
// how it ended, again every few minutes while PayFiP says « in progress ». The outcome goes to the
// order's or the top-up's workflow as the card notification route delivers Paybox's (the same
// signal, naming the payment's reference), so that they wait for either provider alike; one that
// no longer waits gets the money as a late payment, to the family's wallet.
import { condition, getExternalWorkflowHandle, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import type { PayfipCheck, PayfipTarget } from '../../activities/payments/index.ts';
import { isPaid } from '../../domain/card-outcome.ts';
import { activityOptions, quickRetry } from '../common/activity-options.ts';
import { orderWorkflowId } from '../orders/index.ts';
import { topUpWorkflowId } from '../wallet/index.ts';
import { cardPaymentNotified, type CardNotification } from './card-payment.messages.ts';
import { PAYFIP_ASK_AGAIN, PAYFIP_ASKS_IN_PROGRESS, PAYFIP_PAGE_WAIT, payfipNotified } from './payfip.messages.ts';

const acts = proxyActivities<Activities>(activityOptions.familyWaiting);
/** The web service down: tried for a few minutes, then the payment is given up (the family tries again). */
const service = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', scheduleToCloseTimeout: '5 minutes', retry: quickRetry });

export type PayfipOutcome = 'paid' | 'refused' | 'cancelled' | 'to-reconcile';

export interface PayfipRun {
  outcome: PayfipOutcome;
  /** PayFiP's word: resultrans, P1 (purged), P5 (in progress too long), or why the operation was not created. */
  code: string;
  /** The waiting workflow took it; otherwise, paid, it was credited as a late payment. */
  delivered: boolean;
}

const OUTCOMES = { P: 'paid', V: 'paid', R: 'refused', Z: 'refused', A: 'cancelled' } as const;

export async function payfipPayment(input: { paymentId: number }): Promise<PayfipRun> {
  let notified = 0;
  setHandler(payfipNotified, () => void (notified += 1));

  try {
    await service.createPayfipOperation(input);
  } catch {
    return deliver(input.paymentId, { outcome: 'refused', code: 'creation' }, null);
  }

  // The payer is on PayFiP's page: its notification (or the payer's return) says when to ask.
  await condition(() => notified > 0, PAYFIP_PAGE_WAIT);
  const ask = async (): Promise<PayfipCheck> => {
    try {
      return await service.checkPayfipOperation(input);
    } catch {
      return { kind: 'in-progress' }; // the web service unreachable: asked again, as for P5
    }
  };
  let check = await ask();
  for (let asked = 0; check.kind === 'in-progress' && asked < PAYFIP_ASKS_IN_PROGRESS; asked += 1) {
    const seen = notified;
    await condition(() => notified > seen, PAYFIP_ASK_AGAIN);
    check = await ask();
  }

  if (check.kind === 'in-progress') return deliver(input.paymentId, { outcome: 'cancelled', code: 'P5' }, null);
  if (check.kind === 'purged') return deliver(input.paymentId, { outcome: 'to-reconcile', code: 'P1' }, null);
  return deliver(input.paymentId, { outcome: OUTCOMES[check.resultrans], code: check.resultrans }, check);
}

/** The outcome to the workflow that waits for it, as the card notification route does for Paybox. */
async function deliver(paymentId: number, result: { outcome: PayfipOutcome; code: string }, paid: Extract<PayfipCheck, { kind: 'result' }> | null): Promise<PayfipRun> {
  const target: PayfipTarget = await acts.payfipTarget({ paymentId });
  // Purged: PayFiP no longer says how it ended; staff look in its back office. The order is told « refused », the family may try again.
  if (result.outcome === 'to-reconcile') await acts.payfipToReconcile({ paymentId, code: result.code });
  const notification: CardNotification = {
    outcome: result.outcome === 'to-reconcile' ? 'refused' : result.outcome,
    amountCents: paid?.amountCents ?? target.amountCents,
    transaction: paid?.transaction ?? '',
    errorCode: result.code,
    reference: target.reference,
  };
  const workflowId = target.purpose === 'order' ? (target.orderNumber ? orderWorkflowId(target.orderNumber) : null) : topUpWorkflowId(paymentId);
  // An order's payment already settled is no longer waited on (its try ended): what it says now is late.
  const awaited = target.purpose !== 'order' || target.pending;
  if (awaited && workflowId) {
    try {
      await getExternalWorkflowHandle(workflowId).signal(cardPaymentNotified, notification);
      return { ...result, delivered: true };
    } catch {
      // Not running: settled below, as a late payment.
    }
  }
  if (isPaid(notification.outcome)) {
    if (target.purpose === 'order') await acts.settleLateOrderPayment({ paymentId, amountCents: notification.amountCents });
    else if (target.state === 'pending' || target.state === 'expired') {
      await acts.settleTopUp({ paymentId, outcome: 'paid', amountCents: notification.amountCents, transaction: notification.transaction, errorCode: notification.errorCode });
    }
  }
  return { ...result, delivered: false };
}
