// Messages of the order workflow, imported by web/ (checkout pages and the notification route).
// The checkout steps are Updates: their validators refuse, before anything is written to the
// history, a step taken out of order or a plan that does not add up; the page gets the new
// state back at once.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { amountDue } from '../../domain/money.ts';

export { cardPaymentNotified } from '../payments/index.ts';

/** `cart` and `expired`: a basket's, before « Commander » and when its places went back unordered. */
export type OrderStatus = 'cart' | 'expired' | 'checkout' | 'paying-wallet' | 'awaiting-card' | 'confirming' | 'paid' | 'abandoned';

export interface PaymentPlan {
  walletCents: number;
  cardCents: number;
  cardType: string | null;
}

export interface OrderState {
  status: OrderStatus;
  totalCents: number;
  /** The voucher applied at "01. Récapitulatif", and what it takes off the total. */
  voucher: { label: string; discountCents: number } | null;
  addressChosen: boolean;
  termsAccepted: boolean;
  plan: PaymentPlan | null;
  /** While the card part waits: the reference the provider's form carries. */
  cardReference: string | null;
  abandonReason: string | null;
  /**
   * The last payment refused while the family may pay again (see order-payment.ts): why, and until
   * when the places are kept. Absent from the state of orders that could not try again.
   */
  refusal?: { reason: string; until: string } | null;
}

export interface OrderInput {
  orderId: number;
  number: string;
  holdIds: number[];
  totalCents: number;
}

export const orderState = defineQuery<OrderState>('orderState');
export const applyVoucher = defineUpdate<OrderState, [{ code: string }]>('applyVoucher');
export const chooseAddress = defineUpdate<OrderState, [{ addressId: number }]>('chooseAddress');
export const acceptTerms = defineUpdate<OrderState, []>('acceptTerms');
export const choosePayment = defineUpdate<OrderState, [PaymentPlan]>('choosePayment');

/** What the family pays: the total less the voucher. */
export const orderAmountDue = (state: Pick<OrderState, 'totalCents' | 'voucher'>) => amountDue(state.totalCents, state.voucher?.discountCents ?? 0);

export const orderWorkflowId = (number: string) => `order-${number}`;
export { HOLD_AFTER_REFUSAL_MS, HOLD_WHILE_ORDERING_MS } from '../../domain/checkout.ts';
/** Paybox's card types, and PAYFIP: the DGFiP's service, where the payer chooses card or SEPA debit on its page. */
export const CARD_TYPE_NAMES = ['CB', 'VISA', 'MASTERCARD', 'E_CARD', 'PAYFIP'];
