// What the basket and the first order workflow (legacy/checkout-steps.ts) share of the checkout:
// the voucher at the recap (an Update), and the checks of a step and of a payment plan. The
// validators refuse, before anything is written to the history, a step out of order or a plan
// that does not add up; the page gets the new state back at once.
import { ActivityFailure, ApplicationFailure, setHandler } from '@temporalio/workflow';
import { applyVoucher, CARD_TYPE_NAMES, orderAmountDue, type OrderState, type PaymentPlan } from './order.messages.ts';
import type { OrderVersion } from './order-versions.ts';

/** « Bons de réduction » at the recap: the voucher's discount, or the reason it is refused. */
export function takeVoucher(orderId: () => number, state: OrderState, steps: OrderVersion['steps']): void {
  setHandler(
    applyVoucher,
    async ({ code }) => {
      try {
        const applied = await steps.reserveVoucher({ orderId: orderId(), code });
        state.voucher = { label: applied.label, discountCents: applied.discountCents };
      } catch (error) {
        // The family reads the reason ("Ce bon de réduction n'est plus valable."), not a stack.
        if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) throw ApplicationFailure.nonRetryable(error.cause.message, 'VoucherRefused');
        throw error;
      }
      return state;
    },
    { validator: ({ code }) => (inCheckout(state), checkCode(code)) },
  );
}

/**
 * « Payer » answers once paid from the wallet, the card payment named, the order abandoned, or
 * the payment refused with the order back at the payment step.
 */
export const paymentAnswered = (state: OrderState) =>
  state.status === 'awaiting-card' || state.status === 'paid' || state.status === 'abandoned' || (state.status === 'checkout' && state.plan === null);

export function inCheckout(state: OrderState): void {
  if (state.status !== 'checkout') throw new Error('Cette commande ne peut plus être modifiée.');
}

function checkCode(code: string): void {
  if (typeof code !== 'string' || !/^[A-Za-z0-9-]{3,30}$/.test(code.trim())) throw new Error('Saisissez le code du bon de réduction (lettres et chiffres).');
}

/** A plan paying exactly what is due, naming a card if it has a card part. */
export function checkAmounts(plan: PaymentPlan, state: OrderState): void {
  const parts = [plan.walletCents, plan.cardCents];
  if (parts.some((cents) => !Number.isSafeInteger(cents) || cents < 0)) throw new Error('Montants invalides.');
  if (plan.walletCents + plan.cardCents !== orderAmountDue(state)) throw new Error('Le porte-monnaie et la carte doivent couvrir exactement le total.');
  if (plan.cardCents > 0 && !CARD_TYPE_NAMES.includes(plan.cardType ?? '')) throw new Error('Choisissez une carte.');
}
