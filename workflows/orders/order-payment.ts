// The order's life once its checkout is done, shared by both workflows that run orders (`order`,
// started by « Commander » before baskets, and `basket`): the wallet part is debited, the card
// part waits for the provider's verified notification, then the places become reservations.
// Whatever fails once money has moved (card refused or silent, checkout left unfinished, a place
// lost before confirmation) runs the compensations in reverse, releases the places, abandons the
// order and tells the family. No money is kept without its reservations, and no reservation
// exists without its money.
import { ActivityFailure, ApplicationFailure, condition, patched, setHandler } from '@temporalio/workflow';
import { isPaid, settledOutcome } from '../../domain/card-outcome.ts';
import { CARD_PAYMENT_TIMEOUT, cardPaymentNotified, type CardNotification } from '../payments/index.ts';
import type { OrderState, OrderStatus, PaymentPlan } from './order.messages.ts';
import { regular, type OrderVersion } from './order-versions.ts';

/** Orders whose card notification came before the card part waited keep it (see awaitCardNotification). */
const EARLY_CARD_NOTIFICATION_PATCH = 'card-notification-kept-before-its-wait';

/** Orders whose card was refused go back to the payment step (see retryPayment) instead of ending. */
const PAYMENT_RETRY_PATCH = 'refused-card-back-to-payment';

/**
 * Orders that take an earlier try's card notification, said paid after that try ended, credit it
 * to the wallet (see settleEarlierTry) instead of dropping it.
 */
const EARLIER_TRY_PAID_PATCH = 'earlier-try-paid-to-wallet';

/** Payments a family may try for one order: a card refused three times ends it, its places released. */
export const PAYMENT_ATTEMPTS = 3;

/**
 * The order will not be paid, for the reason given to the family. `retryable`: the family can
 * pay another way, the places still theirs (a card refused, abandoned or unanswered, a wallet
 * short); not a place lost, nor a payment the commune must look into.
 */
export class NotPaid extends Error {
  constructor(
    message: string,
    readonly retryable = false,
  ) {
    super(message);
  }
}

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

export interface OrderRun {
  /** The order's row, once « Commander » made it. */
  orderId: () => number;
  /** The workflow's id: the idempotency keys of its money movements start with it. */
  id: string;
  state: OrderState;
  steps: OrderVersion['steps'];
  setStatus(status: OrderStatus): void;
  /** Keeps the places while the payment goes on (the card page may take a while). */
  keepPlaces(): Promise<void>;
  placesConfirmed(): Promise<void>;
  placesReleased(holdIds: number[]): Promise<void>;
  /**
   * A payment that failed in a way the family can answer: keeps the places a while longer and
   * reopens the payment step, returning until when. Absent: the order ends at the first failure
   * (the first order workflow).
   */
  retryPayment?(): Promise<string>;
}

export interface CardNotifications {
  arrived(): boolean;
  take(): CardNotification;
}

/** Before it: the card part may not have begun its wait yet. After it: the card part is settled. */
const BEFORE_CARD_PART: readonly OrderStatus[] = ['cart', 'checkout', 'paying-wallet'];

/**
 * Receives the card provider's notification, one at a time. One may come before the card part
 * waits: when the worker running the step that named the payment dies, the page shows the
 * payment's row and the parent pays while another worker replays the order up to that step. The
 * notification and the browser's return are sent once: one dropped would leave a paid order
 * waiting 30 minutes and then abandoned.
 */
export function awaitCardNotification(state: OrderState): CardNotifications {
  let notification: CardNotification | null = null;
  setHandler(cardPaymentNotified, (received) => {
    if (notification) return;
    // Histories from before this change dropped such an early notification: they replay as they ran.
    const early = BEFORE_CARD_PART.includes(state.status) && patched(EARLY_CARD_NOTIFICATION_PATCH);
    if (state.status === 'awaiting-card' || early) notification = received;
  });
  return {
    arrived: () => notification !== null,
    take: () => {
      const received = notification!;
      notification = null;
      return received;
    },
  };
}

/**
 * From the checkout to the end: `checkout` resolves with the payment plan (or throws NotPaid when
 * the family never paid), then the money moves and the order ends paid or abandoned.
 */
export async function settleOrder(run: OrderRun, checkout: () => Promise<PaymentPlan>, notifications: CardNotifications): Promise<OrderState> {
  const { steps, state, id } = run;

  const payByWallet = async () => {
    try {
      await steps.debitWalletForOrder({ orderId: run.orderId(), key: key('wallet-debit') });
    } catch (error) {
      if (failureType(error) === 'InsufficientFunds') throw new NotPaid('solde du porte-monnaie insuffisant', true);
      throw new NotPaid('paiement par porte-monnaie impossible');
    }
  };

  // Each try's card payment by its reference: a notification of one whose try has ended is late.
  const tried = new Map<string, number>();
  /**
   * A notification the page sent while its payment still looked pending, taken after its try ended
   * (unanswered, refused, abandoned): money taken then is not the order's, and goes to the wallet
   * once, as for a late payment. Dropped, the family paid the next try as well.
   */
  const settleEarlierTry = async (notification: CardNotification) => {
    const paymentId = notification.reference === undefined ? undefined : tried.get(notification.reference);
    if (paymentId === undefined || !isPaid(notification.outcome) || !patched(EARLIER_TRY_PAID_PATCH)) return;
    await steps.settleLateOrderPayment({ paymentId, amountCents: notification.amountCents });
  };
  const settleHeldNotification = async () => {
    if (notifications.arrived()) await settleEarlierTry(notifications.take());
  };

  const payByCard = async (plan: PaymentPlan) => {
    const payment = await steps.createOrderCardPayment({ orderId: run.orderId(), cardType: plan.cardType ?? 'CB' });
    tried.set(payment.reference, payment.paymentId);
    state.cardReference = payment.reference;
    run.setStatus('awaiting-card');
    let outcome: CardNotification['outcome'] | 'expired' = 'pending';
    while (outcome === 'pending') {
      if (!(await condition(notifications.arrived, CARD_PAYMENT_TIMEOUT))) outcome = 'expired';
      else {
        const notification = notifications.take();
        // An earlier attempt's payment, notified late: settled by that attempt, not this one's answer.
        if (notification.reference !== undefined && notification.reference !== payment.reference) {
          await settleEarlierTry(notification);
          continue;
        }
        outcome = notification.amountCents === plan.cardCents ? notification.outcome : 'error';
        if (isPaid(outcome)) {
          await steps.settleOrderCardPayment({ paymentId: payment.paymentId, state: 'paid', transaction: notification.transaction, errorCode: notification.errorCode });
        }
      }
    }
    if (outcome === 'expired' || !isPaid(outcome)) {
      await steps.settleOrderCardPayment({ paymentId: payment.paymentId, state: outcome === 'expired' ? 'expired' : settledOutcome(outcome) });
      throw new NotPaid(notPaidReason(outcome), outcome === 'expired' || outcome === 'refused' || outcome === 'cancelled');
    }
  };

  const confirm = async () => {
    run.setStatus('confirming');
    try {
      await steps.confirmOrder({ orderId: run.orderId() });
    } catch (error) {
      if (failureType(error) === 'HoldLost') throw new NotPaid("une des places n'était plus disponible");
      throw error;
    }
    await run.placesConfirmed();
  };

  // One payment after another, while the family may try again: each attempt's money movements
  // have keys of their own (the first keeps those of orders paid before retries existed).
  let attempt = 1;
  const key = (step: string) => (attempt === 1 ? `${id}/${step}` : `${id}/${step}-${attempt}`);
  for (;;) {
    const compensations: (() => Promise<void>)[] = [];
    try {
      const plan = await checkout();
      run.setStatus('paying-wallet');
      await run.keepPlaces();
      const checked = await steps.planOrderPayment({ orderId: run.orderId(), walletCents: plan.walletCents, cardCents: plan.cardCents });
      // The basket's pages write the address and the terms to the order's row: its state says what
      // the row holds (histories recorded before this answer have none, and keep what they said).
      if (checked) Object.assign(state, checked);
      if (plan.walletCents > 0) {
        await payByWallet();
        const refundKey = key('wallet-refund');
        compensations.push(() => steps.refundWalletForOrder({ orderId: run.orderId(), key: refundKey }));
      }
      if (plan.cardCents > 0) {
        await payByCard(plan);
        // The provider's refund is not automated: the card part goes to the wallet, as for a late payment.
        const creditKey = key('card-to-wallet');
        compensations.push(() => steps.creditCardPartToWallet({ orderId: run.orderId(), key: creditKey }));
      }
      await confirm();
      break;
    } catch (error) {
      if (!(error instanceof NotPaid)) throw error;
      for (const undo of compensations.reverse()) await undo();
      if (error.retryable && run.retryPayment && attempt < PAYMENT_ATTEMPTS && patched(PAYMENT_RETRY_PATCH)) {
        const until = await run.retryPayment();
        // All at once: « Payer » answers when it sees the order back at the payment step.
        attempt += 1;
        Object.assign(state, { plan: null, cardReference: null, refusal: { reason: error.message, until } });
        run.setStatus('checkout');
        continue;
      }
      state.abandonReason = error.message;
      const released = await steps.abandonOrder({ orderId: run.orderId(), reason: error.message });
      await run.placesReleased(released);
      await settleHeldNotification();
      run.setStatus('abandoned');
      await regular.sendOrderMail({ orderId: run.orderId(), kind: 'abandoned', key: `${id}/mail-abandoned` });
      return state;
    }
  }
  await settleHeldNotification();
  run.setStatus('paid');
  await regular.sendOrderMail({ orderId: run.orderId(), kind: 'confirmed', key: `${id}/mail-confirmed` });
  return state;
}
