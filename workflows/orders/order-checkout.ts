// The order's checkout steps, sent by the checkout pages as Updates: "01. Récapitulatif" (a
// voucher, optional), "03. Adresse", "04. Conditions générales de vente" and "05. Paiement".
// Their validators refuse, before anything is written to the history, a step out of order or a
// plan that does not add up; the page gets the new state back at once.
import { ActivityFailure, ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import {
  acceptTerms, applyVoucher, CARD_TYPE_NAMES, chooseAddress, choosePayment, orderAmountDue, orderState,
  type OrderState, type PaymentPlan,
} from './order.messages.ts';
import type { OrderVersion } from './order-versions.ts';

export function takeCheckoutSteps(orderId: number, state: OrderState, version: OrderVersion): void {
  const { steps } = version;
  setHandler(orderState, () => state);
  takeVoucher(() => orderId, state, steps);
  setHandler(
    chooseAddress,
    async ({ addressId }) => {
      await steps.setOrderAddress({ orderId, addressId });
      state.addressChosen = true;
      return state;
    },
    { validator: ({ addressId }) => (inCheckout(state), checkPositive(addressId, "l'adresse")) },
  );
  setHandler(
    acceptTerms,
    async () => {
      await steps.recordTermsAccepted({ orderId });
      state.termsAccepted = true;
      return state;
    },
    { validator: () => inCheckout(state) },
  );
  setHandler(
    choosePayment,
    async (plan) => {
      state.plan = plan;
      // "Payer" answers with the step's outcome: paid from the wallet, the card payment named,
      // or the reason it failed.
      if (version.payAnswersWithOutcome) await condition(() => paymentAnswered(state));
      return state;
    },
    { validator: (plan) => (inCheckout(state), checkPlan(plan, state)) },
  );
}

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

/** « Payer » answers once paid from the wallet, the card payment named, or the order abandoned. */
export const paymentAnswered = (state: OrderState) => state.status === 'awaiting-card' || state.status === 'paid' || state.status === 'abandoned';

export function inCheckout(state: OrderState): void {
  if (state.status !== 'checkout') throw new Error('Cette commande ne peut plus être modifiée.');
}

function checkCode(code: string): void {
  if (typeof code !== 'string' || !/^[A-Za-z0-9-]{3,30}$/.test(code.trim())) throw new Error('Saisissez le code du bon de réduction (lettres et chiffres).');
}

function checkPositive(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`Choisissez ${what}.`);
}

/** The plan must follow the address and the terms, add up to the total, and name a card if needed. */
function checkPlan(plan: PaymentPlan, state: OrderState): void {
  if (!state.addressChosen) throw new Error("Choisissez d'abord l'adresse de facturation.");
  if (!state.termsAccepted) throw new Error("Acceptez d'abord les conditions générales de vente.");
  checkAmounts(plan, state);
}

/** A plan paying exactly what is due, naming a card if it has a card part. */
export function checkAmounts(plan: PaymentPlan, state: OrderState): void {
  const parts = [plan.walletCents, plan.cardCents];
  if (parts.some((cents) => !Number.isSafeInteger(cents) || cents < 0)) throw new Error('Montants invalides.');
  if (plan.walletCents + plan.cardCents !== orderAmountDue(state)) throw new Error('Le porte-monnaie et la carte doivent couvrir exactement le total.');
  if (plan.cardCents > 0 && !CARD_TYPE_NAMES.includes(plan.cardType ?? '')) throw new Error('Choisissez une carte.');
}
