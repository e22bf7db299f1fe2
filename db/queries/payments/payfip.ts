// PayFiP's side of a payment: what its web service needs to create the operation (the régie's
// client number, the payer's e-mail, read here and never carried by the workflow), the idOp it
// gave, and the result it said.
import type { Db } from '../../connection.ts';
import type { PayfipResult } from '../../database.ts';
import { collectingRegie, familyRegie } from '../regies/index.ts';

/** Whether a régie takes PayFiP: its act allows PayFiP's card or debit, and it has its client number. */
export async function regieTakesPayfip(db: Db, regieId: number | null): Promise<boolean> {
  if (regieId === null) return false;
  const regie = await db.selectFrom('regies').select(['methods', 'payfip_numcli']).where('id', '=', regieId).executeTakeFirst();
  return !!regie?.payfip_numcli && (regie.methods.includes('payfip-card') || regie.methods.includes('payfip-sepa'));
}

/** Whether PayFiP may take an order's card part: the régie that will collect it (payments.regie_id) takes PayFiP. */
export async function orderTakesPayfip(db: Db, orderId: number): Promise<boolean> {
  return regieTakesPayfip(db, await collectingRegie(db, orderId));
}

/** The régie that would take a family's top-up by PayFiP, when it takes PayFiP; null otherwise. */
export async function familyPayfipRegie(db: Db, userId: number): Promise<number | null> {
  const regieId = await familyRegie(db, userId, 'payfip-card');
  return (await regieTakesPayfip(db, regieId)) ? regieId : null;
}

/** What creating the operation needs: the payment, its régie's PayFiP settings, the payer's e-mail and the order's number. */
export function payfipPaymentFacts(db: Db, paymentId: number) {
  return db
    .selectFrom('payments')
    .innerJoin('users', 'users.id', 'payments.user_id')
    .leftJoin('regies', 'regies.id', 'payments.regie_id')
    .leftJoin('orders', 'orders.card_payment_id', 'payments.id')
    .select([
      'payments.id', 'payments.purpose', 'payments.reference', 'payments.amount_cents', 'payments.state', 'payments.provider', 'payments.payfip_idop', 'payments.created_at',
      'users.email', 'regies.payfip_numcli', 'regies.payfip_saisie', 'orders.number as order_number',
    ])
    .where('payments.id', '=', paymentId)
    .executeTakeFirstOrThrow();
}

/** Keeps the idOp PayFiP gave; a retried creation finds the first one kept and uses it. */
export async function storePayfipIdop(db: Db, paymentId: number, idOp: string): Promise<string> {
  await db.updateTable('payments').set({ payfip_idop: idOp }).where('id', '=', paymentId).where('payfip_idop', 'is', null).execute();
  const stored = await db.selectFrom('payments').select('payfip_idop').where('id', '=', paymentId).executeTakeFirstOrThrow();
  return stored.payfip_idop!;
}

/**
 * PayFiP's answer, kept on the payment still waiting: a SEPA debit paid makes the payment's card
 * type « SEPA », which the journal records as PayFiP's debit (db/queries/regies/card-journal.ts).
 */
export async function recordPayfipResult(db: Db, paymentId: number, result: PayfipResult, transaction: string | null, now: Date): Promise<void> {
  await db
    .updateTable('payments')
    .set({ payfip_result: result, updated_at: now, ...(result === 'V' ? { card_type: 'SEPA' } : {}), ...(transaction ? { provider_transaction: transaction } : {}) })
    .where('id', '=', paymentId)
    .where('state', 'in', ['pending', 'expired'])
    .execute();
}

/** The payment PayFiP names by its idOp (the notification, the browser's return). */
export function paymentByIdop(db: Db, idOp: string) {
  return db
    .selectFrom('payments')
    .leftJoin('orders', 'orders.card_payment_id', 'payments.id')
    .select(['payments.id', 'payments.user_id', 'payments.purpose', 'payments.reference', 'payments.state', 'orders.number as order_number'])
    .where('payments.payfip_idop', '=', idOp)
    .where('payments.provider', '=', 'payfip')
    .executeTakeFirst();
}

/** A family's PayFiP payment and its idOp, once PayFiP gave it (the page that waits for it). */
export function familyPayfipPayment(db: Db, userId: number, paymentId: number) {
  return db
    .selectFrom('payments')
    .select(['id', 'reference', 'amount_cents', 'state', 'payfip_idop', 'purpose'])
    .where('id', '=', paymentId)
    .where('user_id', '=', userId)
    .where('provider', '=', 'payfip')
    .executeTakeFirst();
}
