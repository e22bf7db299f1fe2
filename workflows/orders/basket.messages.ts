// Messages of the basket workflow (order-<number>), imported by web/: the cart opens it, « Commander »
// turns it into the order, « Payer » pays. The voucher, the state query and the card notification
// are the order's own (order.messages.ts), so the pages speak to an order the same way whichever
// workflow runs it.
import { defineUpdate } from '@temporalio/workflow';
import type { OrderInput, OrderState, PaymentPlan } from './order.messages.ts';

export { orderWorkflowId as basketWorkflowId } from './order.messages.ts';

export interface BasketInput {
  /** The number the order will carry (its holds are labelled with it). */
  number: string;
  /** ISO instant: when the first places added expire, unless the cart moved it later since. */
  expiresAt: string;
}

/** « Commander »: the order made from the cart (its row written by the page) starts its checkout. */
export const placeOrder = defineUpdate<OrderState, [OrderInput]>('placeOrder');
/**
 * « Payer »: the plan; the address and the terms, written by their pages to the order's row, are
 * checked there before it is sent. Answers with the payment's outcome (paid, card page named, or
 * abandoned with its reason).
 */
export const payOrder = defineUpdate<OrderState, [PaymentPlan]>('payOrder');
