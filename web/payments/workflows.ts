// The card payments' door to Temporal: a verified outcome goes to the workflow waiting on it (an
// order or a top-up), and money that arrives after its order ended goes to the family's wallet.
import { WorkflowNotFoundError } from '@temporalio/client';
import type { lateCardPayment } from '../../workflows/payments/late-card-payment.ts';
import type { payfipPayment } from '../../workflows/payments/payfip.ts';
import { cardPaymentNotified, type CardNotification } from '../../workflows/payments/card-payment.messages.ts';
import { payfipNotified, payfipWorkflowId } from '../../workflows/payments/payfip.messages.ts';
import { orderWorkflowId } from '../../workflows/orders/index.ts';
import { topUpWorkflowId } from '../../workflows/wallet/index.ts';
import { familyAttributes, once, type Family, type WorkflowDoor } from '../http/workflow-door.ts';

export function paymentWorkflows({ temporal, taskQueue }: WorkflowDoor) {
  return {
    /** Tells the workflow waiting on a card payment its outcome; false when that workflow is not running. */
    cardPaymentOutcome: async (payment: { purpose: 'order' | 'topup'; id: number; order_number: string | null }, outcome: CardNotification): Promise<boolean> => {
      if (payment.purpose === 'order' && !payment.order_number) return false;
      const workflowId = payment.purpose === 'order' ? orderWorkflowId(payment.order_number!) : topUpWorkflowId(payment.id);
      try {
        await temporal.workflow.getHandle(workflowId).signal(cardPaymentNotified, outcome);
        return true;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return false;
        throw error;
      }
    },
    /** Money taken for an order that already ended goes to the family's wallet, never kept. */
    startLateCardPayment: (paymentId: number, amountCents: number) =>
      once(temporal.workflow.start<typeof lateCardPayment>('lateCardPayment', { taskQueue, workflowId: `late-payment-${paymentId}`, args: [{ paymentId, amountCents }] })),
    /** A PayFiP payment's workflow: creates the operation, then waits for its outcome. Started again, the first one goes on. */
    startPayfip: (paymentId: number, family: Family) =>
      once(temporal.workflow.start<typeof payfipPayment>('payfipPayment', { taskQueue, workflowId: payfipWorkflowId(paymentId), args: [{ paymentId }], typedSearchAttributes: familyAttributes(family) })),
    /** PayFiP's notification or the payer's return: the workflow asks PayFiP now. False when it no longer runs. */
    payfipNotified: async (paymentId: number): Promise<boolean> => {
      try {
        await temporal.workflow.getHandle(payfipWorkflowId(paymentId)).signal(payfipNotified);
        return true;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return false;
        throw error;
      }
    },
  };
}
