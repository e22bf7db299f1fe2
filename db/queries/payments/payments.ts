// Card payments: a wallet top-up's, an order's; found by the provider's reference or by the family.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import { familyRegie } from '../regies/index.ts';

/**
 * The reference the provider knows a payment by (PBX_CMD): its kind and number, then a random
 * part, so that a number reused (a database restored, another environment on the same merchant
 * account) never names a payment the provider already settled.
 */
export function paymentReference(prefix: string): string {
  const bytes = new Uint8Array(5);
  crypto.getRandomValues(bytes);
  return `${prefix}-${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The order an order's payment was made for (`order-2026-000123-<random>`): the order's row names
 * only its current payment, not those of the tries refused before it.
 */
export function orderNumberOfReference(reference: string): string | null {
  return /^order-(.+)-[0-9a-f]{10}$/.exec(reference)?.[1] ?? null;
}

/**
 * A top-up payment, pending, with its reference (`topup-<id>-<random>`) sent to the provider,
 * taken by the family's régie (on its own Paybox account when it has one), or by PayFiP for the
 * régie `payfipRegieId`.
 */
export async function createTopUpPayment(db: Db, input: { userId: number; amountCents: number; cardType: string; payfipRegieId?: number }): Promise<{ id: number; reference: string; regieId: number }> {
  return db.transaction().execute(async (trx) => {
    const regieId = input.payfipRegieId ?? (await familyRegie(trx, input.userId, 'card'));
    const row = await trx
      .insertInto('payments')
      .values({
        user_id: input.userId, purpose: 'topup', method: 'card', amount_cents: input.amountCents, reference: `pending-${randomUUID()}`, card_type: input.cardType,
        regie_id: regieId, ...(input.payfipRegieId === undefined ? {} : { provider: 'payfip' as const }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reference = paymentReference(`topup-${row.id}`);
    await trx.updateTable('payments').set({ reference }).where('id', '=', row.id).execute();
    return { id: row.id, reference, regieId };
  });
}

/** The payment the provider names by its reference. */
export function paymentByReference(db: Db, reference: string) {
  return db
    .selectFrom('payments')
    .leftJoin('orders', 'orders.card_payment_id', 'payments.id')
    .selectAll('payments')
    .select('orders.number as order_number')
    .where('payments.reference', '=', reference)
    .executeTakeFirst();
}

/** A family's payment by its reference; undefined when it is another family's. */
export function familyPayment(db: Db, userId: number, reference: string) {
  return db.selectFrom('payments').selectAll().where('reference', '=', reference).where('user_id', '=', userId).executeTakeFirst();
}

/** A family's top-ups still waiting for the bank's answer (an hour at most: they expire after 30 minutes). */
export function pendingTopUps(db: Db, userId: number, now: Date) {
  return db
    .selectFrom('payments')
    .select(['reference', 'amount_cents'])
    .where('user_id', '=', userId)
    .where('purpose', '=', 'topup')
    .where('state', '=', 'pending')
    .where('created_at', '>', new Date(now.getTime() - 3_600_000))
    .orderBy('created_at', 'desc')
    .limit(5)
    .execute();
}

/** A payment's state and card, for an order's pages. */
export function cardPaymentOf(db: Db, paymentId: number) {
  return db.selectFrom('payments').select(['reference', 'amount_cents', 'card_type', 'state', 'provider', 'regie_id']).where('id', '=', paymentId).executeTakeFirst();
}

/**
 * A payment the provider called "already made" ("00015"): nothing confirms it, staff check it
 * with the provider's back office. A payment known paid stays paid.
 */
export async function markPaymentToReconcile(db: Db, paymentId: number, errorCode: string, now: Date): Promise<void> {
  await db.updateTable('payments').set({ state: 'to-reconcile', provider_error: errorCode, updated_at: now }).where('id', '=', paymentId).where('state', '!=', 'paid').execute();
}

/** Card payments of the families of these communes: those to reconcile first, then the latest. */
export function cardPaymentsOfCommunes(db: Db, communeIds: number[], limit = 500) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('payments')
    .innerJoin('users', 'users.id', 'payments.user_id')
    .leftJoin('communes', 'communes.id', 'users.commune_id')
    .leftJoin('orders', 'orders.card_payment_id', 'payments.id')
    .select([
      'payments.id', 'payments.reference', 'payments.purpose', 'payments.amount_cents', 'payments.state', 'payments.provider_error', 'payments.provider_transaction', 'payments.updated_at',
      'users.id as user_id', 'users.email', 'users.first_name', 'users.last_name', 'communes.name as commune', 'orders.number as order_number',
    ])
    .where('payments.method', '=', 'card')
    .where('users.commune_id', 'in', communeIds)
    .orderBy(sql`payments.state = 'to-reconcile'`, 'desc')
    .orderBy('payments.updated_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Paybox's call and transaction numbers of a paid payment, from its verified notification: its
 * refund call names them. Kept from the first notification that brings them.
 */
export async function recordPayboxNumbers(db: Db, paymentId: number, numbers: { numAppel: string; numTrans: string }): Promise<void> {
  if (!/^\d{1,20}$/.test(numbers.numAppel) || !/^\d{1,20}$/.test(numbers.numTrans)) return;
  await db.updateTable('payments').set({ paybox_numappel: numbers.numAppel, paybox_numtrans: numbers.numTrans }).where('id', '=', paymentId).where('paybox_numtrans', 'is', null).execute();
}
