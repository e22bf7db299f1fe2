// Card payments: a wallet top-up's, an order's; found by the provider's reference or by the family.
import { randomUUID } from 'node:crypto';
import type { Db } from '../connection.ts';

/** A top-up payment, pending, with its reference (`topup-<id>`) sent to the provider. */
export async function createTopUpPayment(db: Db, input: { userId: number; amountCents: number; cardType: string }): Promise<{ id: number; reference: string }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('payments')
      .values({ user_id: input.userId, purpose: 'topup', method: 'card', amount_cents: input.amountCents, reference: `pending-${randomUUID()}`, card_type: input.cardType })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reference = `topup-${row.id}`;
    await trx.updateTable('payments').set({ reference }).where('id', '=', row.id).execute();
    return { id: row.id, reference };
  });
}

/** The payment the provider names by its reference. */
export function paymentByReference(db: Db, reference: string) {
  return db.selectFrom('payments').selectAll().where('reference', '=', reference).executeTakeFirst();
}

/** A family's payment by its reference; undefined when it is another family's. */
export function familyPayment(db: Db, userId: number, reference: string) {
  return db.selectFrom('payments').selectAll().where('reference', '=', reference).where('user_id', '=', userId).executeTakeFirst();
}

/** A payment's state and card, for an order's pages. */
export function cardPaymentOf(db: Db, paymentId: number) {
  return db.selectFrom('payments').select(['reference', 'amount_cents', 'card_type', 'state']).where('id', '=', paymentId).executeTakeFirst();
}
