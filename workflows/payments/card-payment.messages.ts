// The verified card notification, as the web server's notification route delivers it to the
// workflow waiting on a card payment (a wallet top-up or an order).
import { defineSignal } from '@temporalio/workflow';
import type { PaymentOutcome } from '../../domain/card-outcome.ts';

export interface CardNotification {
  outcome: PaymentOutcome;
  amountCents: number;
  transaction: string;
  errorCode: string;
  /**
   * The payment notified: an order may try more than one (a card refused, then another). Absent
   * from notifications sent before orders could.
   */
  reference?: string;
}

export const cardPaymentNotified = defineSignal<[CardNotification]>('cardPaymentNotified');

/** A card payment left unanswered this long is given up. */
export const CARD_PAYMENT_TIMEOUT = '30 minutes';
