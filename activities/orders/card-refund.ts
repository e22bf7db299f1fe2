// Asking the provider to refund a card: one question per try of the refund (NUMQUESTION from its id
// and try), so that an activity retried after a crash asks the same question again, which the
// provider answers without refunding twice; the answer is recorded once (db/queries/orders/card-refunds.ts).
import type { Db } from '../../db/connection.ts';
import { cardRefundToAsk, settleCardRefund, type RefundSettlement } from '../../db/queries/orders/card-refunds.ts';
import type { CardRefunds } from '../../lib/payments/card-refunds.ts';
import { refundQuestion } from '../../lib/payments/ppps.ts';

interface Deps {
  db: Db;
  now: () => Date;
  /** Who refunds cards; without it every refund asked is refused, saying so. */
  refunds?: CardRefunds | undefined;
}

export function createCardRefundActivities({ db, now, refunds }: Deps) {
  return {
    /** The refund's state once this try is answered (or the state it already had: nothing asked). */
    askCardRefund: async (input: { cardRefundId: number; attempt: number }): Promise<string> => {
      const refund = await cardRefundToAsk(db, input.cardRefundId);
      if (!refund) return 'missing';
      if (refund.state !== 'requested' || refund.attempt !== input.attempt) return refund.state;
      const account = refund.provider === 'paybox' ? (refunds?.accountFor(refund) ?? null) : null;
      const numAppel = refund.paybox_numappel ?? refund.provider_transaction;
      let settlement: RefundSettlement;
      if (!account) {
        settlement = { outcome: 'refused', code: 'non-configuré', comment: "Le remboursement par le prestataire n'est pas configuré pour la régie de ce paiement." };
      } else if (!numAppel || !refund.paybox_numtrans) {
        settlement = { outcome: 'refused', code: 'numéros', comment: "Le paiement n'a pas gardé les numéros d'appel et de transaction que Paybox demande pour rembourser." };
      } else {
        const answer = await refunds!.ask(account, {
          question: refundQuestion(refund.id, refund.attempt), amountCents: refund.amount_cents, reference: refund.reference, numAppel, numTrans: refund.paybox_numtrans, time: now(),
        });
        // Not reached, or no answer in time: the same question again, by the activity's retries.
        if (answer.outcome === 'unavailable') throw new Error(`Paybox unavailable for card refund ${refund.id} (${answer.code} ${answer.comment})`);
        settlement = answer.outcome === 'refunded' ? { outcome: 'refunded', reference: answer.numTrans || answer.numAppel, code: answer.code } : answer;
      }
      return settleCardRefund(db, refund.id, refund.attempt, settlement, now());
    },
    /** The provider never answered the try: staff see it refused, to try again or give to the wallet. */
    cardRefundUnanswered: (input: { cardRefundId: number; attempt: number }): Promise<string> =>
      settleCardRefund(db, input.cardRefundId, input.attempt, { outcome: 'refused', code: 'sans-réponse', comment: 'Paybox n’a pas répondu : vérifiez dans son back-office avant de réessayer.' }, now()),
  };
}
