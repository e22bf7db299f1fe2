// The wallet's door to Temporal: each top-up is a workflow that waits for the card's outcome.
import type { walletTopUp } from '../../workflows/wallet/wallet-top-up.ts';
import { topUpState, topUpWorkflowId, type TopUpStatus } from '../../workflows/wallet/wallet-top-up.messages.ts';
import { cardPaymentNotified, type CardNotification } from '../../workflows/payments/index.ts';
import { familyAttributes, queryOrNull, type Family, type WorkflowDoor } from '../http/workflow-door.ts';

export function walletWorkflows({ temporal, taskQueue }: WorkflowDoor) {
  return {
    startTopUp: (paymentId: number, family: Family) =>
      temporal.workflow.start<typeof walletTopUp>('walletTopUp', { taskQueue, workflowId: topUpWorkflowId(paymentId), args: [{ paymentId }], typedSearchAttributes: familyAttributes(family) }),
    topUpState: (paymentId: number): Promise<{ status: TopUpStatus } | null> => queryOrNull(() => temporal.workflow.getHandle(topUpWorkflowId(paymentId)).query(topUpState)),
    /** A top-up whose workflow gave up (no answer in time) still settles, in a new run. */
    settleLateTopUp: (paymentId: number, outcome: CardNotification) =>
      temporal.workflow.signalWithStart<typeof walletTopUp, [CardNotification]>('walletTopUp', {
        taskQueue,
        workflowId: topUpWorkflowId(paymentId),
        args: [{ paymentId }],
        signal: cardPaymentNotified,
        signalArgs: [outcome],
      }),
  };
}
