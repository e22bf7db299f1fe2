// The first order workflow's checkout steps, sent by the checkout pages as Updates: "03. Adresse",
// "04. Conditions générales de vente" and "05. Paiement" (the voucher is the basket's too:
// ../order-checkout.ts). Kept for the orders it still runs and replays; the basket writes these
// steps to the order's row instead.
import { condition, setHandler } from '@temporalio/workflow';
import { acceptTerms, chooseAddress, choosePayment, orderState, type OrderState, type PaymentPlan } from '../order.messages.ts';
import { checkAmounts, inCheckout, paymentAnswered, takeVoucher } from '../order-checkout.ts';
import type { OrderVersion } from '../order-versions.ts';

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

function checkPositive(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`Choisissez ${what}.`);
}

/** The plan must follow the address and the terms, add up to the total, and name a card if needed. */
function checkPlan(plan: PaymentPlan, state: OrderState): void {
  if (!state.addressChosen) throw new Error("Choisissez d'abord l'adresse de facturation.");
  if (!state.termsAccepted) throw new Error("Acceptez d'abord les conditions générales de vente.");
  checkAmounts(plan, state);
}
