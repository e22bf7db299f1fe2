// order (order-<number>): started by "Commander" with the cart's holds. It reads top to bottom
// as the order's life:
//   1. the places are kept while the family goes through the checkout (order-checkout.ts);
//   2. "Payer": the wallet part is debited, then the card part waits for the provider's verified
//      notification;
//   3. paid: the places become reservations with their e-tickets, and the family gets the recap.
// Whatever fails once money has moved (card refused or silent, checkout left for 45 minutes, a
// place lost before confirmation) runs the compensations in reverse, releases the places,
// abandons the order and tells the family. No money is kept without its reservations, and no
// reservation exists without its money.
import { ActivityFailure, ApplicationFailure, condition, getExternalWorkflowHandle, setHandler, workflowInfo } from '@temporalio/workflow';
import { isPaid, settledOutcome } from '../domain/card-outcome.ts';
import { CARD_PAYMENT_TIMEOUT, cardPaymentNotified, type CardNotification } from './card-payment.messages.ts';
import { HOLD_WHILE_ORDERING_MS, type OrderInput, type OrderState, type PaymentPlan } from './order.messages.ts';
import { takeCheckoutSteps } from './order-checkout.ts';
import { orderVersion, regular } from './order-versions.ts';
import { holdWorkflowId, releaseHold } from './reservation-hold.messages.ts';

export { LOCAL_STEPS_PATCH } from './order-versions.ts';

/** The order will not be paid, for the reason given to the family. */
class NotPaid extends Error {}

/** Why the card part did not pay, in the family's words. */
const notPaidReason = (outcome: CardNotification['outcome'] | 'expired') =>
  outcome === 'expired' ? 'pas de réponse du paiement par carte dans les 30 minutes'
  : outcome === 'cancelled' ? 'paiement par carte abandonné'
  : outcome === 'already-paid' ? 'paiement par carte à vérifier par la commune, qui vous recontactera'
  : 'paiement par carte refusé';

/** The reason a failed activity gives, when it is one the workflow answers. */
const failureType = (error: unknown) => {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  return cause instanceof ApplicationFailure ? cause.type : undefined;
};

export async function order(input: OrderInput): Promise<OrderState> {
  const version = orderVersion();
  const { steps } = version;
  const { orderId } = input;
  const id = workflowInfo().workflowId;
  const state: OrderState = { status: 'checkout', totalCents: input.totalCents, voucher: null, addressChosen: false, termsAccepted: false, plan: null, cardReference: null, abandonReason: null };
  const setStatus = (status: OrderState['status']) => {
    state.status = status;
    version.statusChanged(status);
  };
  let notification: CardNotification | null = null;
  setHandler(cardPaymentNotified, (received) => {
    if (state.status === 'awaiting-card' && !notification) notification = received;
  });
  takeCheckoutSteps(orderId, state, version);
  version.started(input, state.status);

  const keepPlaces = async () => {
    const until = new Date(Date.now() + HOLD_WHILE_ORDERING_MS).toISOString();
    await steps.extendOrderHolds({ orderId, until });
    await version.placesKept(input.holdIds, until);
  };

  const payByWallet = async () => {
    try {
      await steps.debitWalletForOrder({ orderId, key: `${id}/wallet-debit` });
    } catch (error) {
      throw new NotPaid(failureType(error) === 'InsufficientFunds' ? 'solde du porte-monnaie insuffisant' : 'paiement par porte-monnaie impossible');
    }
  };

  const payByCard = async (plan: PaymentPlan) => {
    const payment = await steps.createOrderCardPayment({ orderId, cardType: plan.cardType ?? 'CB' });
    state.cardReference = payment.reference;
    setStatus('awaiting-card');
    let outcome: CardNotification['outcome'] | 'expired' = 'pending';
    while (outcome === 'pending') {
      if (!(await condition(() => notification !== null, CARD_PAYMENT_TIMEOUT))) outcome = 'expired';
      else {
        const received = notification as CardNotification | null;
        notification = null;
        outcome = received && received.amountCents === plan.cardCents ? received.outcome : 'error';
        if (isPaid(outcome)) {
          await steps.settleOrderCardPayment({ paymentId: payment.paymentId, state: 'paid', transaction: received!.transaction, errorCode: received!.errorCode });
        }
      }
    }
    if (outcome === 'expired' || !isPaid(outcome)) {
      await steps.settleOrderCardPayment({ paymentId: payment.paymentId, state: outcome === 'expired' ? 'expired' : settledOutcome(outcome) });
      throw new NotPaid(notPaidReason(outcome));
    }
  };

  const confirm = async () => {
    setStatus('confirming');
    try {
      await steps.confirmOrder({ orderId });
    } catch (error) {
      if (failureType(error) === 'HoldLost') throw new NotPaid("une des places n'était plus disponible");
      throw error;
    }
    await version.placesConfirmed(input.holdIds);
  };

  // 1. The checkout.
  await keepPlaces();
  const compensations: (() => Promise<void>)[] = [];
  try {
    if (!(await condition(() => state.plan !== null, HOLD_WHILE_ORDERING_MS))) throw new NotPaid('commande non finalisée dans les 45 minutes');
    const plan = state.plan as unknown as PaymentPlan; // set: the condition above waited for it

    // 2. The payment.
    setStatus('paying-wallet');
    await keepPlaces();
    await steps.planOrderPayment({ orderId, walletCents: plan.walletCents, cardCents: plan.cardCents });
    if (plan.walletCents > 0) {
      await payByWallet();
      compensations.push(() => steps.refundWalletForOrder({ orderId, key: `${id}/wallet-refund` }));
    }
    if (plan.cardCents > 0) {
      await payByCard(plan);
      // The provider's refund is not automated: the card part goes to the wallet, as for a late payment.
      compensations.push(() => steps.creditCardPartToWallet({ orderId, key: `${id}/card-to-wallet` }));
    }

    // 3. The reservations.
    await confirm();
  } catch (error) {
    if (!(error instanceof NotPaid)) throw error;
    for (const undo of compensations.reverse()) await undo();
    state.abandonReason = error.message;
    const released = await steps.abandonOrder({ orderId, reason: error.message });
    await Promise.all(released.map((holdId) => getExternalWorkflowHandle(holdWorkflowId(holdId)).signal(releaseHold).catch(() => undefined)));
    setStatus('abandoned');
    await regular.sendOrderMail({ orderId, kind: 'abandoned', key: `${id}/mail-abandoned` });
    return state;
  }
  setStatus('paid');
  await regular.sendOrderMail({ orderId, kind: 'confirmed', key: `${id}/mail-confirmed` });
  return state;
}
