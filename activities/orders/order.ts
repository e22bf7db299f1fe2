// Activities of the order workflow. Each money movement is keyed by the order and step; each
// state change is allowed only from the state it expects; so retries and replays change nothing.
import { randomBytes } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../../db/connection.ts';
import { InsufficientFunds, moveMoney } from '../../db/queries/wallet.ts';
import { formatEuros } from '../../domain/money.ts';
import { formatShortDate, parisDate } from '../../domain/dates.ts';
import { voucherDiscount, voucherProblem } from '../../domain/vouchers.ts';
import type { createMailActivities } from '../mail/send-mail.ts';
import { composeMail } from '../../lib/mail/compose.ts';

interface Deps {
  db: Db;
  now: () => Date;
  publicUrl: string;
  mail: ReturnType<typeof createMailActivities>;
}

/** An e-ticket code: 10 characters, no look-alikes (0/O, 1/I), easy to read out at the door. */
function ticketCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(10)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

export function createOrderActivities({ db, now, publicUrl, mail }: Deps) {
  const order = (orderId: number) => db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow();

  return {
    /** Keeps the order's places while it waits for payment. */
    async extendOrderHolds(input: { orderId: number; until: string }): Promise<number[]> {
      const rows = await db
        .updateTable('holds')
        .set({ expires_at: new Date(input.until) })
        .where('state', '=', 'held')
        .where('id', 'in', db.selectFrom('order_lines').select('hold_id').where('order_id', '=', input.orderId))
        .returning('id')
        .execute();
      return rows.map((row) => row.id);
    },

    /** "03. Adresse": a copy of one of the family's own addresses. */
    async setOrderAddress(input: { orderId: number; addressId: number }): Promise<void> {
      const row = await order(input.orderId);
      const address = await db.selectFrom('addresses').selectAll().where('id', '=', input.addressId).where('user_id', '=', row.user_id).executeTakeFirst();
      if (!address) throw ApplicationFailure.nonRetryable("Cette adresse n'existe pas.", 'AddressNotFound');
      const text = [address.line1, address.line2, `${address.postal_code} ${address.city}`].filter(Boolean).join(', ');
      await db.updateTable('orders').set({ billing_address: text }).where('id', '=', row.id).where('state', '=', 'open').execute();
    },

    /** "04. Conditions générales de vente": accepted, and when. */
    async recordTermsAccepted(input: { orderId: number }): Promise<void> {
      await db.updateTable('orders').set({ terms_accepted_at: now() }).where('id', '=', input.orderId).where('state', '=', 'open').execute();
    },

    /** "Bons de réduction": checks the code against the order and keeps its discount for it. */
    async reserveVoucher(input: { orderId: number; code: string }): Promise<{ discountCents: number; label: string }> {
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('orders').selectAll().where('id', '=', input.orderId).forUpdate().executeTakeFirstOrThrow();
        const voucher = await trx.selectFrom('vouchers').selectAll().where('code', '=', input.code.trim().toUpperCase()).forUpdate().executeTakeFirst();
        if (!voucher) throw ApplicationFailure.nonRetryable("Ce code ne correspond à aucun bon de réduction.", 'VoucherRefused');
        const uses = await trx
          .selectFrom('voucher_uses')
          .select(['user_id'])
          .where('voucher_id', '=', voucher.id)
          .where('state', 'in', ['reserved', 'used'])
          .where('order_id', '!=', row.id)
          .execute();
        const lines = await trx
          .selectFrom('order_lines')
          .innerJoin('holds', 'holds.id', 'order_lines.hold_id')
          .innerJoin('products', 'products.id', 'holds.product_id')
          .select(['holds.product_id as productId', 'products.commune_id as communeId', 'order_lines.price_cents as priceCents'])
          .where('order_lines.order_id', '=', row.id)
          .execute();
        const rules = {
          kind: voucher.kind, value: voucher.value, validFrom: voucher.valid_from, validUntil: voucher.valid_until, minOrderCents: voucher.min_order_cents,
          maxUses: voucher.max_uses, maxUsesPerFamily: voucher.max_uses_per_family, communeId: voucher.commune_id, productId: voucher.product_id,
        };
        const context = { today: parisDate(now()), orderTotalCents: row.total_cents, usesTotal: uses.length, usesByFamily: uses.filter((u) => u.user_id === row.user_id).length, lines };
        const problem = voucherProblem(rules, context);
        if (problem) throw ApplicationFailure.nonRetryable(problem, 'VoucherRefused');
        const discountCents = voucherDiscount(rules, context);
        await trx
          .insertInto('voucher_uses')
          .values({ voucher_id: voucher.id, order_id: row.id, user_id: row.user_id, discount_cents: discountCents })
          .onConflict((oc) => oc.column('order_id').doUpdateSet({ voucher_id: voucher.id, discount_cents: discountCents, state: 'reserved' }))
          .execute();
        await trx.updateTable('orders').set({ discount_cents: discountCents }).where('id', '=', row.id).execute();
        return { discountCents, label: voucher.label };
      });
    },

    async planOrderPayment(input: { orderId: number; walletCents: number; cardCents: number }): Promise<void> {
      await db
        .updateTable('orders')
        .set({ state: 'awaiting-payment', wallet_cents: input.walletCents, card_cents: input.cardCents })
        .where('id', '=', input.orderId)
        .where('state', '=', 'open')
        .execute();
    },

    async debitWalletForOrder(input: { orderId: number; key: string }): Promise<void> {
      const row = await order(input.orderId);
      try {
        await moveMoney(db, { userId: row.user_id, amountCents: -row.wallet_cents, kind: 'payment', label: `Commande ${row.number}`, idempotencyKey: input.key });
      } catch (error) {
        if (error instanceof InsufficientFunds) throw ApplicationFailure.nonRetryable(`Solde insuffisant pour la commande ${row.number}`, 'InsufficientFunds');
        throw error;
      }
    },

    async refundWalletForOrder(input: { orderId: number; key: string }): Promise<void> {
      const row = await order(input.orderId);
      await moveMoney(db, { userId: row.user_id, amountCents: row.wallet_cents, kind: 'refund', label: `Remboursement de la commande ${row.number}`, idempotencyKey: input.key });
    },

    /** The card part: a payment row the provider will know as "order-<number>". */
    async createOrderCardPayment(input: { orderId: number; cardType: string }): Promise<{ paymentId: number; reference: string }> {
      const row = await order(input.orderId);
      const reference = `order-${row.number}`;
      const payment =
        (await db.selectFrom('payments').select('id').where('reference', '=', reference).executeTakeFirst()) ??
        (await db
          .insertInto('payments')
          .values({ user_id: row.user_id, purpose: 'order', method: 'card', amount_cents: row.card_cents, reference, card_type: input.cardType })
          .returning('id')
          .executeTakeFirstOrThrow());
      await db.updateTable('orders').set({ card_payment_id: payment.id }).where('id', '=', row.id).execute();
      return { paymentId: payment.id, reference };
    },

    async settleOrderCardPayment(input: { paymentId: number; state: 'paid' | 'refused' | 'cancelled' | 'expired'; transaction?: string; errorCode?: string }): Promise<void> {
      await db
        .updateTable('payments')
        .set({ state: input.state, provider_transaction: input.transaction ?? null, provider_error: input.errorCode ?? null, updated_at: now() })
        .where('id', '=', input.paymentId)
        .where('state', '=', 'pending')
        .execute();
    },

    /** Paid: every held place becomes a reservation with its e-ticket, in one transaction. */
    async confirmOrder(input: { orderId: number }): Promise<{ reservations: number }> {
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('orders').selectAll().where('id', '=', input.orderId).forUpdate().executeTakeFirstOrThrow();
        const lines = await trx
          .selectFrom('order_lines')
          .innerJoin('holds', 'holds.id', 'order_lines.hold_id')
          .selectAll('holds')
          .select('order_lines.id as line_id')
          .where('order_lines.order_id', '=', row.id)
          .forUpdate()
          .execute();
        for (const hold of lines) {
          if (hold.state === 'held' || hold.state === 'expired') {
            // An expired hold of a paid order is honoured: the order kept it alive while it waited.
            await trx.updateTable('holds').set({ state: 'confirmed', ended_at: now() }).where('id', '=', hold.id).execute();
          } else if (hold.state !== 'confirmed') {
            throw ApplicationFailure.nonRetryable(`hold ${hold.id} of order ${row.number} is ${hold.state}`, 'HoldLost');
          }
          await trx
            .insertInto('reservations')
            .values({
              hold_id: hold.id, slot_id: hold.slot_id, product_id: hold.product_id, prestation_id: hold.prestation_id, service_date: hold.service_date,
              dependant_id: hold.dependant_id, user_id: hold.user_id, price_cents: hold.price_cents, order_line_id: hold.line_id,
            })
            .onConflict((oc) => oc.column('hold_id').doNothing())
            .execute();
          const reservation = await trx.selectFrom('reservations').select('id').where('hold_id', '=', hold.id).executeTakeFirstOrThrow();
          await trx.insertInto('e_tickets').values({ reservation_id: reservation.id, code: ticketCode() }).onConflict((oc) => oc.column('reservation_id').doNothing()).execute();
        }
        if (row.state !== 'paid') await trx.updateTable('orders').set({ state: 'paid', paid_at: now() }).where('id', '=', row.id).execute();
        await trx.updateTable('voucher_uses').set({ state: 'used' }).where('order_id', '=', row.id).execute();
        return { reservations: lines.length };
      });
    },

    /** Not paid: the places go back; the order says why. */
    async abandonOrder(input: { orderId: number; reason: string }): Promise<number[]> {
      return db.transaction().execute(async (trx) => {
        await trx
          .updateTable('orders')
          .set({ state: 'abandoned', abandoned_at: now(), abandon_reason: input.reason })
          .where('id', '=', input.orderId)
          .where('state', 'in', ['open', 'awaiting-payment'])
          .execute();
        await trx.updateTable('voucher_uses').set({ state: 'released' }).where('order_id', '=', input.orderId).execute();
        const released = await trx
          .updateTable('holds')
          .set({ state: 'released', ended_at: now() })
          .where('state', '=', 'held')
          .where('id', 'in', trx.selectFrom('order_lines').select('hold_id').where('order_id', '=', input.orderId))
          .returning('id')
          .execute();
        return released.map((row) => row.id);
      });
    },

    /**
     * A card payment confirmed after its order ended (abandoned after 30 minutes): the money is
     * not kept without places, it goes to the family's wallet, once.
     */
    async settleLateOrderPayment(input: { paymentId: number; amountCents: number }): Promise<'refunded-to-wallet' | 'nothing-to-do'> {
      const payment = await db.selectFrom('payments').selectAll().where('id', '=', input.paymentId).executeTakeFirstOrThrow();
      const row = await db.selectFrom('orders').select(['number', 'state']).where('card_payment_id', '=', payment.id).executeTakeFirst();
      if (!row || row.state !== 'abandoned' || input.amountCents !== payment.amount_cents) return 'nothing-to-do';
      await moveMoney(db, {
        userId: payment.user_id,
        amountCents: payment.amount_cents,
        kind: 'refund',
        label: `Paiement par carte reçu après l'abandon de la commande ${row.number}`,
        idempotencyKey: `payment-${payment.id}/late-refund`,
      });
      await db.updateTable('payments').set({ state: 'paid', updated_at: now() }).where('id', '=', payment.id).execute();
      return 'refunded-to-wallet';
    },

    async sendOrderMail(input: { orderId: number; kind: 'confirmed' | 'abandoned'; key: string }): Promise<void> {
      const row = await order(input.orderId);
      const user = await db.selectFrom('users').select(['email', 'first_name']).where('id', '=', row.user_id).executeTakeFirstOrThrow();
      const lines = await db
        .selectFrom('order_lines')
        .innerJoin('holds', 'holds.id', 'order_lines.hold_id')
        .innerJoin('products', 'products.id', 'holds.product_id')
        .innerJoin('prestations', 'prestations.id', 'holds.prestation_id')
        .innerJoin('dependants', 'dependants.id', 'holds.dependant_id')
        .select(['products.name as product', 'prestations.label as prestation', 'dependants.first_name', 'dependants.last_name', 'holds.service_date', 'order_lines.price_cents'])
        .where('order_lines.order_id', '=', row.id)
        .orderBy('holds.service_date')
        .execute();
      const recap = lines.map((l) => `${l.product} ${l.prestation} – ${l.first_name} ${l.last_name} – ${formatShortDate(l.service_date)} – ${formatEuros(l.price_cents)}`);
      const content =
        input.kind === 'confirmed'
          ? composeMail({
              subject: `Commande ${row.number} confirmée`,
              greeting: user.first_name ? `Bonjour ${user.first_name},` : 'Bonjour,',
              paragraphs: [`Votre commande ${row.number} est payée (${formatEuros(row.total_cents)}). Vos réservations :`, ...recap],
              action: { label: 'Voir mes réservations', url: `${publicUrl}/mon-compte` },
            })
          : composeMail({
              subject: `Commande ${row.number} non aboutie`,
              greeting: user.first_name ? `Bonjour ${user.first_name},` : 'Bonjour,',
              paragraphs: [`Votre commande ${row.number} n'a pas pu être payée : ${row.abandon_reason ?? ''}.`, 'Les places ont été libérées et le montant prélevé sur votre porte-monnaie vous a été rendu.'],
            });
      await mail.sendMail({ idempotencyKey: input.key, to: user.email, ...content });
    },
  };
}
