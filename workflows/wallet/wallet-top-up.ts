// walletTopUp (topup-<paymentId>): a card payment of 1, 5, 10, 25 or 50 € that credits the wallet
// once, on the provider's verified notification; refused, abandoned or unanswered within 30
// minutes, it ends without credit. Duplicate notifications are ignored.
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import { settledOutcome } from '../../domain/card-outcome.ts';
import { CARD_PAYMENT_TIMEOUT, cardPaymentNotified, topUpState, type CardNotification, type TopUpStatus } from './wallet-top-up.messages.ts';
import { activityOptions } from '../common/activity-options.ts';

const acts = proxyActivities<Activities>(activityOptions.familyWaiting);

export async function walletTopUp(input: { paymentId: number }): Promise<{ status: TopUpStatus }> {
  const state: { status: TopUpStatus } = { status: 'pending' };
  let notification: CardNotification | null = null;
  setHandler(topUpState, () => state);
  setHandler(cardPaymentNotified, (received) => {
    if (state.status === 'pending' && !notification) notification = received;
  });

  while (state.status === 'pending') {
    if (!(await condition(() => notification !== null, CARD_PAYMENT_TIMEOUT))) {
      state.status = await acts.settleTopUp({ paymentId: input.paymentId, outcome: 'expired' });
      break;
    }
    const received = notification as CardNotification | null;
    notification = null;
    if (!received || received.outcome === 'pending') continue; // "99999": the answer comes later
    const outcome = settledOutcome(received.outcome);
    state.status = await acts.settleTopUp({ paymentId: input.paymentId, outcome, amountCents: received.amountCents, transaction: received.transaction, errorCode: received.errorCode });
  }
  return state;
}
