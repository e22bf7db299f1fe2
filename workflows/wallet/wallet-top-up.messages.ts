// Messages of the walletTopUp workflow: the card notification (shared with orders) and the
// state the return pages poll.
import { defineQuery } from '@temporalio/workflow';

export { CARD_PAYMENT_TIMEOUT, cardPaymentNotified, type CardNotification } from '../payments/index.ts';

export type TopUpStatus = 'pending' | 'paid' | 'refused' | 'cancelled' | 'expired' | 'to-reconcile';

export const topUpState = defineQuery<{ status: TopUpStatus }>('topUpState');

export const topUpWorkflowId = (paymentId: number) => `topup-${paymentId}`;
export const TOP_UP_AMOUNTS_CENTS = [100, 500, 1000, 2500, 5000] as const;
