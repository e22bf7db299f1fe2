// basket (order-<number>): a family's cart, then its order, in one workflow. It reads top to
// bottom as the cart's life:
//   1. « Ajouter au panier » opens it (a start that is a no-op while it runs): it keeps the
//      cart's places until they expire, 30 minutes after the last cart activity;
//   2. « Commander » (an Update) makes it the order: the places are kept 45 minutes for the
//      checkout, whose recap, address and terms pages write to the order's row;
//   3. « Payer » (an Update): the payment and the confirmation (order-payment.ts); a card refused
//      brings the order back to 2., its places kept the cart's time, for another try.
// One timer watches the places' expiry. The cart and the order move it later in the database
// without telling the workflow (a message per change would cost more than it saves): when the
// timer fires, the database says which places are due, and the timer is set again for the rest.
import { CancellationScope, condition, patched, setHandler, sleep, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { BasketInput } from './basket.messages.ts';
import { payOrder, placeOrder } from './basket.messages.ts';
import { HOLD_AFTER_REFUSAL_MS, HOLD_WHILE_ORDERING_MS, orderState, type OrderInput, type OrderState, type OrderStatus, type PaymentPlan } from './order.messages.ts';
import { checkAmounts, inCheckout, paymentAnswered, takeVoucher } from './order-checkout.ts';
import { awaitCardNotification, NotPaid, settleOrder } from './order-payment.ts';
import { localSteps as steps } from './order-versions.ts';
import { ProcessStateAttribute, TotalCentsAttribute } from '../common/search-attributes.ts';
import { workflowNow } from '../common/clock.ts';

/** Orders that keep the first « Payer »'s plan when a second comes before it was taken. */
const FIRST_PLAN_KEPT_PATCH = 'first-payment-plan-kept';

/** Clocks differ a little: an expiry the database does not see due yet is looked at again this much later. */
const RECHECK_MS = 5_000;

/** A timer until `at`, that can be cancelled without failing the workflow. */
function timerUntil(at: string) {
  const scope = new CancellationScope();
  const timer = { fired: false, cancel: () => scope.cancel() };
  scope.run(() => sleep(Math.max(Date.parse(at) - workflowNow(), RECHECK_MS))).then(
    () => (timer.fired = true),
    () => undefined,
  );
  return timer;
}

export async function basket(input: BasketInput): Promise<OrderState> {
  const state: OrderState = { status: 'cart', totalCents: 0, voucher: null, addressChosen: false, termsAccepted: false, plan: null, cardReference: null, abandonReason: null };
  let order: OrderInput | null = null;
  const orderId = () => order!.orderId;
  const setStatus = (status: OrderStatus) => {
    state.status = status;
    // Operators search by the states that last; the cart's and the checkout's minutes are read by query.
    if (status === 'paid' || status === 'abandoned') upsertSearchAttributes([{ key: ProcessStateAttribute, value: status }, { key: TotalCentsAttribute, value: state.totalCents }]);
    else if (status === 'awaiting-card' || status === 'expired') upsertSearchAttributes([{ key: ProcessStateAttribute, value: status }]);
  };

  setHandler(orderState, () => state);
  setHandler(
    placeOrder,
    (placed) => {
      order = placed;
      state.totalCents = placed.totalCents;
      state.status = 'checkout';
      return state;
    },
    {
      // « Commander » again after its answer was lost (the page undid the order and made it anew):
      // the new order replaces the old one while nothing is paid.
      validator: (placed) => {
        if (state.status !== 'cart' && state.status !== 'checkout') throw new Error('Cette commande est déjà en paiement.');
        if (state.voucher) throw new Error('Cette commande a déjà un bon de réduction.');
        if (placed.number !== input.number) throw new Error("Cette commande n'est pas celle de ce panier.");
        // The first « Commander », its page gone, may come after the one made anew (one workflow
        // task can bring both, in any order): the newer order (the greater id) stays.
        if (order && placed.orderId < order.orderId) throw new Error('Cette commande a été remplacée.');
      },
    },
  );
  takeVoucher(orderId, state, steps);
  setHandler(
    payOrder,
    async (plan) => {
      // « Payer » sent again before the first was taken (its answer lost with a worker that died
      // mid-step): the order pays as the first said, the split its row already holds.
      if (!state.plan || !patched(FIRST_PLAN_KEPT_PATCH)) state.plan = plan;
      await condition(() => paymentAnswered(state));
      return state;
    },
    { validator: (plan) => (inCheckout(state), checkAmounts(plan, state)) },
  );
  const notifications = awaitCardNotification(state);

  // The places' timer, and what the database says when it fires: null once none is held.
  let timer = timerUntil(input.expiresAt);
  const placesStillHeld = async () => {
    const { nextExpiry } = await steps.expireDueBasketHolds({ basket: input.number });
    if (nextExpiry) timer = timerUntil(nextExpiry);
    return nextExpiry !== null;
  };

  // 1. The cart.
  for (;;) {
    await condition(() => order !== null || timer.fired);
    if (order) break;
    if (!(await placesStillHeld())) {
      setStatus('expired');
      return state;
    }
  }

  // 2. The checkout, then 3. the payment.
  const checkout = async (): Promise<PaymentPlan> => {
    for (;;) {
      await condition(() => state.plan !== null || timer.fired);
      if (state.plan) {
        // The order's payment keeps its places itself from here.
        timer.cancel();
        return state.plan;
      }
      if (!(await placesStillHeld())) throw new NotPaid(state.refusal ? 'paiement non repris à temps' : 'commande non finalisée dans les 45 minutes');
    }
  };
  return settleOrder(
    {
      orderId,
      id: workflowInfo().workflowId,
      state,
      steps,
      setStatus,
      keepPlaces: () => steps.extendOrderHolds({ orderId: orderId(), until: new Date(workflowNow() + HOLD_WHILE_ORDERING_MS).toISOString() }).then(() => undefined),
      placesConfirmed: async () => undefined,
      placesReleased: async () => undefined,
      // A refused card: the places stay the cart's time more, watched by the same timer as the checkout's.
      retryPayment: async () => {
        const until = new Date(workflowNow() + HOLD_AFTER_REFUSAL_MS).toISOString();
        await steps.reopenOrderPayment({ orderId: orderId(), until });
        timer = timerUntil(until);
        return until;
      },
    },
    checkout,
    notifications,
  );
}
