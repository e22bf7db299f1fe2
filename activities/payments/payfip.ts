// PayFiP's activities: create the operation at the web service (a retry finds the idOp kept),
// ask how it ended and keep the answer, and tell which workflow waits for the payment. The
// workflow carries the payment's id only: the payer's e-mail and the régie's client number are
// read here.
import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../../db/connection.ts';
import { markPaymentToReconcile, orderNumberOfReference } from '../../db/queries/payments/payments.ts';
import { payfipPaymentFacts, recordPayfipResult, storePayfipIdop } from '../../db/queries/payments/payfip.ts';
import { parisDate } from '../../domain/dates.ts';
import { normalizeObjet, PayfipError, refdetOf, type PayfipSaisie, type PayfipService, type Resultrans } from '../../lib/payments/payfip.ts';

interface Deps {
  db: Db;
  now: () => Date;
  publicUrl: string;
  /** PayFiP's web service; a worker built without it cannot take PayFiP payments. */
  payfip?: PayfipService | undefined;
}

/** What the workflow learns of a detail call: never the payer's data. */
export type PayfipCheck =
  | { kind: 'result'; resultrans: Resultrans; amountCents: number; transaction: string }
  | { kind: 'in-progress' }
  | { kind: 'purged' };

/** Where the payment's outcome goes: the order's or the top-up's workflow, and whether it still waits. */
export interface PayfipTarget {
  purpose: 'order' | 'topup';
  reference: string;
  amountCents: number;
  /** The payment still pending (an order's is no longer waited on once settled). */
  pending: boolean;
  state: string;
  orderNumber: string | null;
}

export function createPayfipActivities({ db, now, publicUrl, payfip }: Deps) {
  const service = (): PayfipService => {
    if (!payfip) throw ApplicationFailure.nonRetryable('PayFiP is not configured on this worker', 'PayfipUnavailable');
    return payfip;
  };

  return {
    /** The operation's idOp: the one kept, or a new one from the web service. A functional refusal (PayfipRefused) is not retried. */
    async createPayfipOperation(input: { paymentId: number }): Promise<{ idOp: string }> {
      const payment = await payfipPaymentFacts(db, input.paymentId);
      if (payment.payfip_idop) return { idOp: payment.payfip_idop };
      if (payment.provider !== 'payfip' || !payment.payfip_numcli) throw ApplicationFailure.nonRetryable(`payment ${payment.id} is not taken by a PayFiP régie`, 'PayfipRefused');
      const label = payment.purpose === 'order' ? `Commande ${payment.order_number ?? ''}` : 'Recharge du porte-monnaie';
      try {
        const idOp = await service().creerPaiementSecurise({
          numcli: payment.payfip_numcli,
          saisie: payment.payfip_saisie as PayfipSaisie,
          exer: Number(parisDate(now()).slice(0, 4)),
          refdet: refdetOf(payment.reference),
          montantCents: payment.amount_cents,
          mel: payment.email,
          urlnotif: `${publicUrl}/paiement/payfip/notification`,
          urlredirect: `${publicUrl}/paiement/payfip/retour`,
          objet: normalizeObjet(label),
        });
        return { idOp: await storePayfipIdop(db, payment.id, idOp) };
      } catch (error) {
        // A functional error (a wrong client number, a refdet refused) will not change on retry.
        if (error instanceof PayfipError && !['http', 'fault', 'technique', 'reponse'].includes(error.code)) throw ApplicationFailure.nonRetryable(error.message, 'PayfipRefused');
        throw error;
      }
    },

    /** Asks PayFiP how the operation ended and keeps its answer on the payment. */
    async checkPayfipOperation(input: { paymentId: number }): Promise<PayfipCheck> {
      const payment = await payfipPaymentFacts(db, input.paymentId);
      if (!payment.payfip_idop) throw ApplicationFailure.nonRetryable(`payment ${payment.id} has no PayFiP operation`, 'PayfipUnavailable');
      const status = await service().recupererDetailPaiementSecurise(payment.payfip_idop);
      if (status.kind === 'in-progress') return status;
      if (status.kind === 'purged') {
        await recordPayfipResult(db, payment.id, 'P1', null, now());
        return status;
      }
      const { detail } = status;
      await recordPayfipResult(db, payment.id, detail.resultrans, detail.numauto || detail.idOp, now());
      return { kind: 'result', resultrans: detail.resultrans, amountCents: detail.montantCents, transaction: detail.numauto || detail.idOp };
    },

    /** The workflow waiting for this payment, read when the outcome is known. */
    async payfipTarget(input: { paymentId: number }): Promise<PayfipTarget> {
      const payment = await payfipPaymentFacts(db, input.paymentId);
      const orderNumber = payment.order_number ?? (payment.purpose === 'order' ? orderNumberOfReference(payment.reference) : null);
      return { purpose: payment.purpose, reference: payment.reference, amountCents: payment.amount_cents, pending: payment.state === 'pending', state: payment.state, orderNumber };
    },

    /** An operation PayFiP no longer knows (purged overnight): staff check it in PayFiP's back office. */
    async payfipToReconcile(input: { paymentId: number; code: string }): Promise<void> {
      await markPaymentToReconcile(db, input.paymentId, input.code, now());
    },
  };
}
