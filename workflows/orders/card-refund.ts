// cardRefund (card-refund-<id>): a try at refunding a card at the provider, once staff decided it.
// The provider's call is retried for a day while Paybox is unreachable (the same question each
// time); a day without an answer is shown to staff as refused. Staff trying again start a new run
// of the same id for the next try.
import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import type { CardRefundInput } from './card-refund.messages.ts';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '15 minutes' },
});
const record = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' } });

export async function cardRefund(input: CardRefundInput): Promise<string> {
  try {
    return await acts.askCardRefund(input);
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    return record.cardRefundUnanswered(input);
  }
}
