// The order's checkout steps before payment: held places kept, the address, the terms, the
// voucher, the payment plan. Each change is allowed only while the order is open, so a retried
// or replayed step changes nothing.
import type { Db } from '../../connection.ts';
import { parisDate } from '../../../domain/dates.ts';
import { voucherDiscount, voucherProblem } from '../../../domain/vouchers.ts';

/** A step the family's input makes impossible; `type` names it for the workflow. */
export class OrderStepRefused extends Error {
  constructor(message: string, readonly type: 'AddressNotFound' | 'VoucherRefused' | 'HoldLost') {
    super(message);
  }
}

export function orderById(db: Db, orderId: number) {
  return db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow();
}

/** Keeps the order's places while it waits for payment. */
export async function extendOrderHolds(db: Db, orderId: number, until: Date): Promise<number[]> {
  const rows = await db
    .updateTable('holds')
    .set({ expires_at: until })
    .where('state', '=', 'held')
    .where('id', 'in', db.selectFrom('order_lines').select('hold_id').where('order_id', '=', orderId))
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** "03. Adresse": a copy of one of the family's own addresses. */
export async function setOrderAddress(db: Db, orderId: number, addressId: number): Promise<void> {
  const order = await orderById(db, orderId);
  const address = await db.selectFrom('addresses').selectAll().where('id', '=', addressId).where('user_id', '=', order.user_id).executeTakeFirst();
  if (!address) throw new OrderStepRefused("Cette adresse n'existe pas.", 'AddressNotFound');
  const text = [address.line1, address.line2, `${address.postal_code} ${address.city}`].filter(Boolean).join(', ');
  await db.updateTable('orders').set({ billing_address: text }).where('id', '=', order.id).where('state', '=', 'open').execute();
}

/** "04. Conditions générales de vente": accepted, and when. */
export async function recordTermsAccepted(db: Db, orderId: number, now: Date): Promise<void> {
  await db.updateTable('orders').set({ terms_accepted_at: now }).where('id', '=', orderId).where('state', '=', 'open').execute();
}

/** "Bons de réduction": checks the code against the order and keeps its discount for it. */
export async function reserveVoucher(db: Db, orderId: number, code: string, now: Date): Promise<{ discountCents: number; label: string }> {
  return db.transaction().execute(async (trx) => {
    const order = await trx.selectFrom('orders').selectAll().where('id', '=', orderId).forUpdate().executeTakeFirstOrThrow();
    const voucher = await trx.selectFrom('vouchers').selectAll().where('code', '=', code.trim().toUpperCase()).forUpdate().executeTakeFirst();
    if (!voucher) throw new OrderStepRefused('Ce code ne correspond à aucun bon de réduction.', 'VoucherRefused');
    const uses = await trx
      .selectFrom('voucher_uses')
      .select(['user_id'])
      .where('voucher_id', '=', voucher.id)
      .where('state', 'in', ['reserved', 'used'])
      .where('order_id', '!=', order.id)
      .execute();
    const lines = await trx
      .selectFrom('order_lines')
      .innerJoin('holds', 'holds.id', 'order_lines.hold_id')
      .innerJoin('products', 'products.id', 'holds.product_id')
      .select(['holds.product_id as productId', 'products.commune_id as communeId', 'order_lines.price_cents as priceCents'])
      .where('order_lines.order_id', '=', order.id)
      .execute();
    const rules = {
      kind: voucher.kind, value: voucher.value, validFrom: voucher.valid_from, validUntil: voucher.valid_until, minOrderCents: voucher.min_order_cents,
      maxUses: voucher.max_uses, maxUsesPerFamily: voucher.max_uses_per_family, communeId: voucher.commune_id, productId: voucher.product_id,
    };
    const context = {
      today: parisDate(now), orderTotalCents: order.total_cents, usesTotal: uses.length,
      usesByFamily: uses.filter((use) => use.user_id === order.user_id).length, lines,
    };
    const problem = voucherProblem(rules, context);
    if (problem) throw new OrderStepRefused(problem, 'VoucherRefused');
    const discountCents = voucherDiscount(rules, context);
    await trx
      .insertInto('voucher_uses')
      .values({ voucher_id: voucher.id, order_id: order.id, user_id: order.user_id, discount_cents: discountCents })
      .onConflict((oc) => oc.column('order_id').doUpdateSet({ voucher_id: voucher.id, discount_cents: discountCents, state: 'reserved' }))
      .execute();
    await trx.updateTable('orders').set({ discount_cents: discountCents }).where('id', '=', order.id).execute();
    return { discountCents, label: voucher.label };
  });
}

/**
 * A payment refused that the family may make again (another card, the wallet): the order back at
 * "05. Paiement", without the refused payment or its plan, its places kept until `until`.
 */
export async function reopenOrderPayment(db: Db, orderId: number, until: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('orders').set({ state: 'open', card_payment_id: null, wallet_cents: 0, card_cents: 0 }).where('id', '=', orderId).where('state', '=', 'awaiting-payment').execute();
    await extendOrderHolds(trx, orderId, until);
  });
}

/**
 * "05. Paiement": how much comes from the wallet and how much by card; and whether the order's
 * row holds its address and accepted terms, which the workflow's state then says as the row does.
 */
export async function planOrderPayment(db: Db, orderId: number, walletCents: number, cardCents: number): Promise<{ addressChosen: boolean; termsAccepted: boolean }> {
  await db
    .updateTable('orders')
    .set({ state: 'awaiting-payment', wallet_cents: walletCents, card_cents: cardCents })
    .where('id', '=', orderId)
    .where('state', '=', 'open')
    .execute();
  const order = await db.selectFrom('orders').select(['billing_address', 'terms_accepted_at']).where('id', '=', orderId).executeTakeFirstOrThrow();
  return { addressChosen: order.billing_address !== null, termsAccepted: order.terms_accepted_at !== null };
}
