// order (order-<number>): started by "Commander" with the cart's holds; the checkout steps
// (address, terms, payment plan) arrive as Updates. Then the wallet part is debited first, and
// the card part waits for the provider's verified notification. An order left unfinished for
// 45 minutes is abandoned. Paid: the places
// become reservations with their e-tickets, and the parent gets the recap. Refused, abandoned or
// unanswered within 30 minutes: the compensations run in reverse (refund of the wallet part),
// the places are released, the order is abandoned, and the parent is told. No money is kept
// without its reservations, and no reservation exists without its money.
import { ActivityFailure, ApplicationFailure, condition, getExternalWorkflowHandle, patched, proxyActivities, proxyLocalActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import { isPaid, settledOutcome } from '../domain/card-outcome.ts';
import { CARD_PAYMENT_TIMEOUT, cardPaymentNotified, type CardNotification } from './card-payment.messages.ts';
import {
  acceptTerms,
  orderAmountDue,
  applyVoucher,
  CARD_TYPE_NAMES,
  chooseAddress,
  choosePayment,
  HOLD_WHILE_ORDERING_MS,
  orderState,
  type OrderInput,
  type OrderState,
  type PaymentPlan,
} from './order.messages.ts';
import { confirmHold, extendHold, holdWorkflowId, releaseHold } from './reservation-hold.messages.ts';
import { OrderNumberAttribute, StatusAttribute, TotalCentsAttribute } from './search-attributes.ts';

const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['InsufficientFunds', 'HoldLost'] };
// The order's steps are short, idempotent database transactions: they run as local activities,
// inside the workflow task, without the round trips through the Temporal server that a regular
// activity costs (on opening day those round trips were most of a parent's wait). A worker lost
// mid-step replays the task and runs the step again, which its idempotency keys make harmless.
const localActs = proxyLocalActivities<Activities>({ startToCloseTimeout: '15 seconds', retry });
// Mail goes through SMTP, slow or down at times: a regular activity, retried on its own.
const mail = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry });

/**
 * Orders started before these changes replay as they ran: regular activities, a signal to each
 * hold when its expiry moves and when the order is paid, "Payer" answering at once, a search
 * attribute update at every status.
 */
export const LOCAL_STEPS_PATCH = 'order-local-steps';

class NotPaid extends Error {}

export async function order(input: OrderInput): Promise<OrderState> {
  const state: OrderState = { status: 'checkout', totalCents: input.totalCents, voucher: null, addressChosen: false, termsAccepted: false, plan: null, cardReference: null, abandonReason: null };
  const id = workflowInfo().workflowId;
  const localSteps = patched(LOCAL_STEPS_PATCH);
  const acts = localSteps ? localActs : mail;
  let notification: CardNotification | null = null;
  setHandler(orderState, () => state);
  const inCheckout = () => {
    if (state.status !== 'checkout') throw new Error('Cette commande ne peut plus être modifiée.');
  };
  setHandler(
    applyVoucher,
    async ({ code }) => {
      try {
        const applied = await acts.reserveVoucher({ orderId: input.orderId, code });
        state.voucher = { label: applied.label, discountCents: applied.discountCents };
      } catch (error) {
        // The family reads the reason ("Ce bon de réduction n'est plus valable."), not a stack.
        if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) throw ApplicationFailure.nonRetryable(error.cause.message, 'VoucherRefused');
        throw error;
      }
      return state;
    },
    { validator: ({ code }) => (inCheckout(), checkCode(code)) },
  );
  setHandler(
    chooseAddress,
    async ({ addressId }) => {
      await acts.setOrderAddress({ orderId: input.orderId, addressId });
      state.addressChosen = true;
      return state;
    },
    { validator: ({ addressId }) => (inCheckout(), checkPositive(addressId, "l'adresse")) },
  );
  setHandler(
    acceptTerms,
    async () => {
      await acts.recordTermsAccepted({ orderId: input.orderId });
      state.termsAccepted = true;
      return state;
    },
    { validator: inCheckout },
  );
  setHandler(
    choosePayment,
    async (plan) => {
      state.plan = plan;
      // "Payer" answers with the step's outcome: paid from the wallet, the card payment named,
      // or the reason it failed. The parent's page then needs no polling.
      if (localSteps) await condition(() => state.status === 'awaiting-card' || state.status === 'paid' || state.status === 'abandoned');
      return state;
    },
    { validator: (plan) => (inCheckout(), checkPlan(plan, state)) },
  );
  setHandler(cardPaymentNotified, (received) => {
    if (state.status === 'awaiting-card' && !notification) notification = received;
  });
  const tellHolds = (send: (holdId: number) => Promise<void>) => Promise.all(input.holdIds.map((holdId) => send(holdId).catch(() => undefined)));
  // Each upsert is a write to the visibility store: operators search by the states that last
  // (awaiting the card, paid, abandoned), and "Commander" sets the first ones at start.
  const lastingStatuses: OrderState['status'][] = ['awaiting-card', 'paid', 'abandoned'];
  const setStatus = (status: OrderState['status']) => {
    state.status = status;
    if (!localSteps || lastingStatuses.includes(status)) upsertSearchAttributes([{ key: StatusAttribute, value: status }]);
  };
  if (!localSteps) {
    upsertSearchAttributes([
      { key: OrderNumberAttribute, value: input.number },
      { key: TotalCentsAttribute, value: input.totalCents },
      { key: StatusAttribute, value: state.status },
    ]);
  }

  // The holds' rows are the truth: a hold's workflow reads the new expiry there when its timer
  // fires, so no signal is needed to keep the places.
  const keepPlaces = async () => {
    const until = new Date(Date.now() + HOLD_WHILE_ORDERING_MS).toISOString();
    await acts.extendOrderHolds({ orderId: input.orderId, until });
    if (!localSteps) await tellHolds((holdId) => getExternalWorkflowHandle(holdWorkflowId(holdId)).signal(extendHold, { expiresAt: until }));
  };
  await keepPlaces();

  const compensations: (() => Promise<void>)[] = [];
  try {
    if (!(await condition(() => state.plan !== null, HOLD_WHILE_ORDERING_MS))) throw new NotPaid('commande non finalisée dans les 45 minutes');
    const plan = state.plan as unknown as PaymentPlan; // set: the condition above waited for it
    setStatus('paying-wallet');
    await keepPlaces();
    await acts.planOrderPayment({ orderId: input.orderId, walletCents: plan.walletCents, cardCents: plan.cardCents });

    if (plan.walletCents > 0) {
      try {
        await acts.debitWalletForOrder({ orderId: input.orderId, key: `${id}/wallet-debit` });
      } catch (error) {
        // An activity's failure arrives wrapped: its cause says why.
        const cause = error instanceof ActivityFailure ? error.cause : error;
        throw new NotPaid(cause instanceof ApplicationFailure && cause.type === 'InsufficientFunds' ? 'solde du porte-monnaie insuffisant' : 'paiement par porte-monnaie impossible');
      }
      compensations.push(() => acts.refundWalletForOrder({ orderId: input.orderId, key: `${id}/wallet-refund` }));
    }
    if (plan.cardCents > 0) {
      const payment = await acts.createOrderCardPayment({ orderId: input.orderId, cardType: plan.cardType ?? 'CB' });
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
            await acts.settleOrderCardPayment({ paymentId: payment.paymentId, state: 'paid', transaction: received!.transaction, errorCode: received!.errorCode });
          }
        }
      }
      if (outcome === 'expired' || !isPaid(outcome)) {
        const settled = outcome === 'expired' ? 'expired' : settledOutcome(outcome);
        await acts.settleOrderCardPayment({ paymentId: payment.paymentId, state: settled });
        throw new NotPaid(outcome === 'expired' ? 'pas de réponse du paiement par carte dans les 30 minutes' : outcome === 'cancelled' ? 'paiement par carte abandonné' : 'paiement par carte refusé');
      }
    }
  } catch (error) {
    if (!(error instanceof NotPaid)) throw error;
    for (const undo of compensations.reverse()) await undo();
    state.abandonReason = error.message;
    const released = await acts.abandonOrder({ orderId: input.orderId, reason: error.message });
    await Promise.all(released.map((holdId) => getExternalWorkflowHandle(holdWorkflowId(holdId)).signal(releaseHold).catch(() => undefined)));
    setStatus('abandoned');
    await mail.sendOrderMail({ orderId: input.orderId, kind: 'abandoned', key: `${id}/mail-abandoned` });
    return state;
  }

  setStatus('confirming');
  await acts.confirmOrder({ orderId: input.orderId });
  if (!localSteps) await tellHolds((holdId) => getExternalWorkflowHandle(holdWorkflowId(holdId)).signal(confirmHold, { orderLineId: null }));
  // The places are reservations now: each hold's workflow reads it in the database when its
  // timer fires and ends; a signal per place would only make it end sooner, at a price.
  setStatus('paid');
  await mail.sendOrderMail({ orderId: input.orderId, kind: 'confirmed', key: `${id}/mail-confirmed` });
  return state;
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
  const parts = [plan.walletCents, plan.cardCents];
  if (parts.some((cents) => !Number.isSafeInteger(cents) || cents < 0)) throw new Error('Montants invalides.');
  if (plan.walletCents + plan.cardCents !== orderAmountDue(state)) throw new Error('Le porte-monnaie et la carte doivent couvrir exactement le total.');
  if (plan.cardCents > 0 && !CARD_TYPE_NAMES.includes(plan.cardType ?? '')) throw new Error('Choisissez une carte.');
}
