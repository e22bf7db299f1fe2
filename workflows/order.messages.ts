// Messages of the order workflow, imported by web/ (checkout pages and the notification route).
import { defineQuery } from '@temporalio/workflow';

export { cardPaymentNotified } from './card-payment.messages.ts';

export type OrderStatus = 'paying-wallet' | 'awaiting-card' | 'confirming' | 'paid' | 'abandoned';

export interface OrderState {
  status: OrderStatus;
  /** While the card part waits: the reference the provider's form carries. */
  cardReference: string | null;
  abandonReason: string | null;
}

export interface OrderInput {
  orderId: number;
  number: string;
  holdIds: number[];
  /** The payment plan chosen at "05. Paiement": wallet part and card part add up to the total. */
  plan: { walletCents: number; cardCents: number; cardType: string | null };
}

export const orderState = defineQuery<OrderState>('orderState');
export const orderWorkflowId = (number: string) => `order-${number}`;
/** The order keeps its places this long after the payment starts (card timeout plus a margin). */
export const HOLD_WHILE_PAYING_MS = 45 * 60_000;
