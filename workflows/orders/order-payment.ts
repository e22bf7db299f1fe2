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

/** The order will not be paid, for the reason given to the family. */
export class NotPaid extends Error {}

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
      await steps.debitWalletForOrder({ orderId: run.orderId(), key: `${id}/wallet-debit` });
    } catch (error) {
      throw new NotPaid(failureType(error) === 'InsufficientFunds' ? 'solde du porte-monnaie insuffisant' : 'paiement par porte-monnaie impossible');
    }
  };

  const payByCard = async (plan: PaymentPlan) => {
    const payment = await steps.createOrderCardPayment({ orderId: run.orderId(), cardType: plan.cardType ?? 'CB' });
    state.cardReference = payment.reference;
    run.setStatus('awaiting-card');
    let outcome: CardNotification['outcome'] | 'expired' = 'pending';
    while (outcome === 'pending') {
      if (!(await condition(notifications.arrived, CARD_PAYMENT_TIMEOUT))) outcome = 'expired';
      else {
        const notification = notifications.take();
        outcome = notification.amountCents === plan.cardCents ? notification.outcome : 'error';
        if (isPaid(outcome)) {
          await steps.settleOrderCardPayment({ paymentId: payment.paymentId, state: 'paid', transaction: notification.transaction, errorCode: notification.errorCode });
        }
      }
    }
    if (outcome === 'expired' || !isPaid(outcome)) {
      await steps.settleOrderCardPayment({ paymentId: payment.paymentId, state: outcome === 'expired' ? 'expired' : settledOutcome(outcome) });
      throw new NotPaid(notPaidReason(outcome));
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
      compensations.push(() => steps.refundWalletForOrder({ orderId: run.orderId(), key: `${id}/wallet-refund` }));
    }
    if (plan.cardCents > 0) {
      await payByCard(plan);
      // The provider's refund is not automated: the card part goes to the wallet, as for a late payment.
      compensations.push(() => steps.creditCardPartToWallet({ orderId: run.orderId(), key: `${id}/card-to-wallet` }));
    }
    await confirm();
  } catch (error) {
    if (!(error instanceof NotPaid)) throw error;
    for (const undo of compensations.reverse()) await undo();
    state.abandonReason = error.message;
    const released = await steps.abandonOrder({ orderId: run.orderId(), reason: error.message });
    await run.placesReleased(released);
    run.setStatus('abandoned');
    await regular.sendOrderMail({ orderId: run.orderId(), kind: 'abandoned', key: `${id}/mail-abandoned` });
    return state;
  }
  run.setStatus('paid');
  await regular.sendOrderMail({ orderId: run.orderId(), kind: 'confirmed', key: `${id}/mail-confirmed` });
  return state;
}
