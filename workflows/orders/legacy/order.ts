// order (order-<number>): started by « Commander » with the cart's holds, before baskets (see
// basket.ts, which now runs every new order). Kept for the orders it still runs and replays.
//   1. the places are kept while the family goes through the checkout (order-checkout.ts);
//   2. « Payer »: the payment and the confirmation (order-payment.ts).
import { condition, getExternalWorkflowHandle, workflowInfo } from '@temporalio/workflow';
import { HOLD_WHILE_ORDERING_MS, type OrderInput, type OrderState, type PaymentPlan } from '../order.messages.ts';
import { takeCheckoutSteps } from './checkout-steps.ts';
import { awaitCardNotification, NotPaid, settleOrder } from '../order-payment.ts';
import { orderVersion } from '../order-versions.ts';
import { holdWorkflowId, releaseHold } from '../../booking/index.ts';
import { workflowNow } from '../../common/clock.ts';

export { LOCAL_STEPS_PATCH } from '../order-versions.ts';

export async function order(input: OrderInput): Promise<OrderState> {
  const version = orderVersion();
  const { steps } = version;
  const { orderId } = input;
  const state: OrderState = { status: 'checkout', totalCents: input.totalCents, voucher: null, addressChosen: false, termsAccepted: false, plan: null, cardReference: null, abandonReason: null };
  const notifications = awaitCardNotification(state);
  takeCheckoutSteps(orderId, state, version);
  version.started(input, state.status);

  const keepPlaces = async () => {
    const until = new Date(workflowNow() + HOLD_WHILE_ORDERING_MS).toISOString();
    await steps.extendOrderHolds({ orderId, until });
    await version.placesKept(input.holdIds, until);
  };
  const run = {
    orderId: () => orderId,
    id: workflowInfo().workflowId,
    state,
    steps,
    setStatus: (status: OrderState['status']) => {
      state.status = status;
      version.statusChanged(status);
    },
    keepPlaces,
    placesConfirmed: () => version.placesConfirmed(input.holdIds),
    placesReleased: async (holdIds: number[]) => {
      await Promise.all(holdIds.map((holdId) => getExternalWorkflowHandle(holdWorkflowId(holdId)).signal(releaseHold).catch(() => undefined)));
    },
  };

  await keepPlaces();
  const checkout = async () => {
    if (!(await condition(() => state.plan !== null, HOLD_WHILE_ORDERING_MS))) throw new NotPaid('commande non finalisée dans les 45 minutes');
    return state.plan as unknown as PaymentPlan; // set: the condition above waited for it
  };
  return settleOrder(run, checkout, notifications);
}
