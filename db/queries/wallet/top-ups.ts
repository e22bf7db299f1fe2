// Settling a wallet top-up: the credit is keyed by the payment, so a retry or a second
// notification never credits twice; a payment that arrives after we gave up is still credited
// (money taken is never kept without its counterpart).
import { formatEuros } from '../../../domain/money.ts';
import type { Db } from '../../connection.ts';
import type { PaymentState } from '../../database.ts';
import { moveMoney } from './wallet.ts';
import { cardMethod } from '../regies/index.ts';

export interface TopUpOutcome {
  paymentId: number;
  outcome: Exclude<PaymentState, 'pending'>;
  amountCents?: number;
  transaction?: string;
  errorCode?: string;
}

export async function settleTopUp(db: Db, input: TopUpOutcome, now: Date): Promise<PaymentState> {
  // One transaction: the credit, its journal entry and the payment's state change together.
  return db.transaction().execute((trx) => settle(trx, input, now));
}

async function settle(db: Db, input: TopUpOutcome, now: Date): Promise<PaymentState> {
  const payment = await db.selectFrom('payments').selectAll().where('id', '=', input.paymentId).forUpdate().executeTakeFirstOrThrow();
  if (payment.state === 'paid') return 'paid';
  if (input.outcome === 'paid') {
    if (input.amountCents !== payment.amount_cents) {
      await db.updateTable('payments').set({ state: 'refused', provider_error: `montant ${input.amountCents ?? '?'} au lieu de ${payment.amount_cents}`, updated_at: now }).where('id', '=', payment.id).execute();
      return 'refused';
    }
    await moveMoney(db, {
      userId: payment.user_id,
      amountCents: payment.amount_cents,
      kind: 'topup',
      label: `Recharge par carte de ${formatEuros(payment.amount_cents)}`,
      idempotencyKey: `topup-${payment.id}/credit`,
      journal: { to: 'family', kind: 'top-up', method: cardMethod(payment), regieId: payment.regie_id, paymentId: payment.id, providerReference: input.transaction ?? payment.reference },
      at: now,
    });
  }
  // A settled payment keeps its state, except that an expired one flagged "already made" is kept for staff to reconcile.
  const flagged = input.outcome === 'to-reconcile' && payment.state === 'expired';
  if (payment.state !== 'pending' && input.outcome !== 'paid' && !flagged) return payment.state;
  await db
    .updateTable('payments')
    .set({ state: input.outcome, provider_transaction: input.transaction ?? null, provider_error: input.errorCode ?? null, updated_at: now })
    .where('id', '=', payment.id)
    .execute();
  return input.outcome;
}
