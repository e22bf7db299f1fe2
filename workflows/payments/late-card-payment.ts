// lateCardPayment (late-payment-<paymentId>): a card payment the provider confirmed after its
// order had ended; the amount goes to the family's wallet, once.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import { activityOptions } from '../common/activity-options.ts';

const acts = proxyActivities<Activities>(activityOptions.familyWaiting);

export async function lateCardPayment(input: { paymentId: number; amountCents: number }): Promise<string> {
  return acts.settleLateOrderPayment(input);
}
