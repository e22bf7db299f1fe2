// Messages of the walletTopUp workflow: the verified card notification, delivered by the web
// server's notification route, and the state the return pages poll.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { PaymentOutcome } from '../activities/payments/paybox.ts';

export interface CardNotification {
  outcome: PaymentOutcome;
  amountCents: number;
  transaction: string;
  errorCode: string;
}

export type TopUpStatus = 'pending' | 'paid' | 'refused' | 'cancelled' | 'expired';

export const cardPaymentNotified = defineSignal<[CardNotification]>('cardPaymentNotified');
export const topUpState = defineQuery<{ status: TopUpStatus }>('topUpState');

export const topUpWorkflowId = (paymentId: number) => `topup-${paymentId}`;
export const TOP_UP_AMOUNTS_CENTS = [100, 500, 1000, 2500, 5000] as const;
/** A card payment left unanswered this long is given up. */
export const CARD_PAYMENT_TIMEOUT = '30 minutes';
