// The order workflow in the time-skipping environment, with its real activities on a real
// database: every payment path, the compensations, duplicated and out-of-order notifications.
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { booksProblems } from '../../../db/queries/regies/index.ts';
import { createActivities } from '../../../activities/index.ts';
import { createMailer } from '../../../lib/mail/mailer.ts';
import { createOrderFromCart } from '../../../db/queries/orders/orders.ts';
import { balance, ledgerMismatches, moveMoney } from '../../../db/queries/wallet/wallet.ts';
import { loadDemoCatalogue } from '../../../db/demo/load.ts';
import { addHomeAddress, bookingFamily, holdPlaces } from '../../../test/helpers/booking.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { createTestWorker, createTimeSkippingEnv, uniqueTaskQueue } from '../../../test/helpers/temporal.ts';
import { acceptTerms, applyVoucher, cardPaymentNotified, chooseAddress, choosePayment, orderState, type PaymentPlan } from '../order.messages.ts';
import { lateCardPayment } from '../../payments/late-card-payment.ts';
import { order } from './order.ts';
import { testDocumentStore } from '../../../test/helpers/documents.ts';
import { testNow } from '../../../test/helpers/clock.ts';

const workflowsPath = fileURLToPath(new URL('../../index.ts', import.meta.url));
const database = useTestDatabase();
// Whatever the process did with the family's money, the régies' books hold.
afterEach(async () => {
  expect(await booksProblems(database.db)).toEqual([]);
});
let env: TestWorkflowEnvironment;
const taskQueue = uniqueTaskQueue('order');

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  await loadDemoCatalogue(database.db, '2026-11-27');
});
afterAll(async () => {
  await env?.teardown();
});

async function runWorker<T>(work: () => Promise<T>): Promise<T> {
  const worker = await createTestWorker({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath,
    activities: createActivities({ db: database.db, mailer: createMailer({ from: 'x@y.z' }), now: testNow, publicUrl: 'http://localhost', documents: testDocumentStore() }),
  });
  return worker.runUntil(work);
}

/** A family with `walletCents` in its wallet and four Wednesdays of "Matin" (31,60 €) in its cart. */
async function cart(email: string, walletCents: number, dates = ['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23']) {
  const family = await bookingFamily(database.db, email);
  if (walletCents > 0) await moveMoney(database.db, { userId: family.user.id, amountCents: walletCents, kind: 'topup', label: 'Recharge', idempotencyKey: `seed-${email}` });
  const held = await holdPlaces(database.db, family, 'Matin', dates, testNow());
  if (!held.ok) throw new Error(`hold refused: ${JSON.stringify(held.failures)}`);
  const created = (await createOrderFromCart(database.db, family.user.id, testNow()))!;
  const addressId = await addHomeAddress(database.db, family.user.id);
  return { family, created, addressId };
}

type Cart = Awaited<ReturnType<typeof cart>>;

function open(c: Cart) {
  const { created } = c;
  return env.client.workflow.start(order, { taskQueue, workflowId: `order-${c.created.number}`, args: [{ orderId: c.created.orderId, number: c.created.number, holdIds: c.created.holdIds, totalCents: created.totalCents }] });
}

/** "Commander", then the steps 03 to 05 as the checkout pages send them. */
async function start(c: Cart, plan: PaymentPlan) {
  const handle = await open(c);
  await handle.executeUpdate(chooseAddress, { args: [{ addressId: c.addressId }] });
  await handle.executeUpdate(acceptTerms);
  await handle.executeUpdate(choosePayment, { args: [plan] });
  return handle;
}

const paid = (amountCents: number) => ({ outcome: 'paid' as const, amountCents, transaction: '42', errorCode: '00000' });

async function waitFor(handle: Awaited<ReturnType<typeof open>>, status: string) {
  for (let i = 0; i < 100; i += 1) {
    if ((await handle.query(orderState)).status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`order never reached ${status}`);
}

const reservationsOf = (userId: number) => database.db.selectFrom('reservations').selectAll().where('user_id', '=', userId).where('state', '=', 'confirmed').execute();

describe('order', () => {
  it('wallet only: debits once, books the places with e-tickets, and mails the recap', async () => {
    const c = await cart('wallet@example.fr', 5000);
    expect(c.created.totalCents).toBe(3160);
    const result = await runWorker(async () => (await start(c, { walletCents: 3160, cardCents: 0, cardType: null })).result());
    expect(result.status).toBe('paid');
    expect(await balance(database.db, c.family.user.id)).toBe(5000 - 3160);
    const reservations = await reservationsOf(c.family.user.id);
    expect(reservations.map((r) => r.service_date)).toEqual(['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23']);
    const tickets = await database.db.selectFrom('e_tickets').select('code').where('reservation_id', 'in', reservations.map((r) => r.id)).execute();
    expect(tickets).toHaveLength(4);
    expect(tickets.every((t) => /^[A-HJ-NP-Z2-9]{10}$/.test(t.code))).toBe(true);
    const mail = await database.db.selectFrom('outbox_mails').selectAll().where('recipient', '=', 'wallet@example.fr').executeTakeFirstOrThrow();
    expect(mail.subject).toBe(`Commande ${c.created.number} confirmée`);
    expect(mail.text_body).toContain('02-12-2026');
    expect(await ledgerMismatches(database.db)).toEqual([]);
  });

  it('wallet and card: 20,00 € by wallet and 11,60 € by card, paid once despite duplicated and early notifications', async () => {
    const c = await cart('split@example.fr', 2000);
    const result = await runWorker(async () => {
      const handle = await start(c, { walletCents: 2000, cardCents: 1160, cardType: 'VISA' });
      await waitFor(handle, 'awaiting-card');
      expect((await handle.query(orderState)).cardReference).toMatch(new RegExp(`^order-${c.created.number}-[0-9a-f]{10}$`));
      await handle.signal(cardPaymentNotified, { outcome: 'pending', amountCents: 1160, transaction: '', errorCode: '99999' });
      await handle.signal(cardPaymentNotified, paid(1160));
      await handle.signal(cardPaymentNotified, paid(1160));
      return handle.result();
    });
    expect(result.status).toBe('paid');
    expect(await balance(database.db, c.family.user.id)).toBe(0);
    expect(await reservationsOf(c.family.user.id)).toHaveLength(4);
    const payment = await database.db.selectFrom('payments').select(['state', 'amount_cents']).where('reference', 'like', `order-${c.created.number}-%`).executeTakeFirstOrThrow();
    expect(payment).toEqual({ state: 'paid', amount_cents: 1160 });
  });

  it('card refused: refunds the wallet part, frees the places, abandons the order, tells the parent', async () => {
    const c = await cart('refus@example.fr', 2000, ['2027-01-06']);
    const result = await runWorker(async () => {
      const handle = await start(c, { walletCents: 500, cardCents: 290, cardType: 'CB' });
      await waitFor(handle, 'awaiting-card');
      expect(await balance(database.db, c.family.user.id)).toBe(1500);
      await handle.signal(cardPaymentNotified, { outcome: 'refused', amountCents: 290, transaction: '', errorCode: '00105' });
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'abandoned', abandonReason: 'paiement par carte refusé' });
    expect(await balance(database.db, c.family.user.id)).toBe(2000);
    expect(await reservationsOf(c.family.user.id)).toEqual([]);
    const hold = await database.db.selectFrom('holds').select('state').where('id', '=', c.created.holdIds[0]!).executeTakeFirstOrThrow();
    expect(hold.state).toBe('released');
    const orderRow = await database.db.selectFrom('orders').select('state').where('id', '=', c.created.orderId).executeTakeFirstOrThrow();
    expect(orderRow.state).toBe('abandoned');
    const mail = await database.db.selectFrom('outbox_mails').select('subject').where('recipient', '=', 'refus@example.fr').executeTakeFirstOrThrow();
    expect(mail.subject).toBe(`Commande ${c.created.number} non aboutie`);
    expect(await ledgerMismatches(database.db)).toEqual([]);
  });

  it('a place lost after the money moved: both parts come back to the wallet and the order is abandoned', async () => {
    const c = await cart('perdue@example.fr', 2000, ['2027-02-17', '2027-02-24']);
    const result = await runWorker(async () => {
      const handle = await start(c, { walletCents: 1000, cardCents: 580, cardType: 'CB' });
      await waitFor(handle, 'awaiting-card');
      // Something outside the order (a bug, a hand-made change) took one of its places.
      await database.db.updateTable('holds').set({ state: 'released' }).where('id', '=', c.created.holdIds[0]!).execute();
      await handle.signal(cardPaymentNotified, paid(580));
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'abandoned', abandonReason: "une des places n'était plus disponible" });
    expect(await balance(database.db, c.family.user.id)).toBe(2000 + 580);
    expect(await reservationsOf(c.family.user.id)).toEqual([]);
    const other = await database.db.selectFrom('holds').select('state').where('id', '=', c.created.holdIds[1]!).executeTakeFirstOrThrow();
    expect(other.state).toBe('released');
    const payment = await database.db.selectFrom('payments').select('state').where('reference', 'like', `order-${c.created.number}-%`).executeTakeFirstOrThrow();
    expect(payment.state).toBe('paid');
    const mail = await database.db.selectFrom('outbox_mails').select(['subject', 'text_body']).where('recipient', '=', 'perdue@example.fr').executeTakeFirstOrThrow();
    expect(mail.subject).toBe(`Commande ${c.created.number} non aboutie`);
    expect(mail.text_body).toContain('rendu sur votre porte-monnaie');
    expect(await ledgerMismatches(database.db)).toEqual([]);
  });

  it('"paiement déjà effectué" (00015) confirms nothing: the order is abandoned, the wallet part refunded, the payment left to reconcile', async () => {
    const c = await cart('deja-paye@example.fr', 2000, ['2027-03-24']);
    const result = await runWorker(async () => {
      const handle = await start(c, { walletCents: 500, cardCents: 290, cardType: 'CB' });
      await waitFor(handle, 'awaiting-card');
      await handle.signal(cardPaymentNotified, { outcome: 'already-paid', amountCents: 290, transaction: '77', errorCode: '00015' });
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'abandoned', abandonReason: 'paiement par carte à vérifier par la commune, qui vous recontactera' });
    expect(await balance(database.db, c.family.user.id)).toBe(2000);
    expect(await reservationsOf(c.family.user.id)).toEqual([]);
    const payment = await database.db.selectFrom('payments').select('state').where('reference', 'like', `order-${c.created.number}-%`).executeTakeFirstOrThrow();
    expect(payment.state).toBe('to-reconcile');
    expect(await ledgerMismatches(database.db)).toEqual([]);
  });

  it('no answer within 30 minutes: compensates the same way', async () => {
    const c = await cart('silence@example.fr', 1000, ['2027-01-13']);
    const result = await runWorker(async () => {
      const handle = await start(c, { walletCents: 500, cardCents: 290, cardType: 'CB' });
      await waitFor(handle, 'awaiting-card');
      await env.sleep('29 minutes');
      expect((await handle.query(orderState)).status).toBe('awaiting-card');
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'abandoned', abandonReason: 'pas de réponse du paiement par carte dans les 30 minutes' });
    expect(await balance(database.db, c.family.user.id)).toBe(1000);
  });

  it('a card payment confirmed after the order ended goes to the wallet, once', async () => {
    const c = await cart('tardif@example.fr', 0, ['2027-01-27']);
    const result = await runWorker(async () => (await start(c, { walletCents: 0, cardCents: 790, cardType: 'CB' })).result());
    expect(result.status).toBe('abandoned');
    const payment = await database.db.selectFrom('payments').select('id').where('reference', 'like', `order-${c.created.number}-%`).executeTakeFirstOrThrow();
    const outcomes = await runWorker(async () => [
      await env.client.workflow.execute(lateCardPayment, { taskQueue, workflowId: `late-payment-${payment.id}`, args: [{ paymentId: payment.id, amountCents: 790 }] }),
      await env.client.workflow.execute(lateCardPayment, { taskQueue, workflowId: `late-payment-${payment.id}-again`, args: [{ paymentId: payment.id, amountCents: 790 }] }),
    ]);
    // The second finds the payment settled: nothing more to do.
    expect(outcomes).toEqual(['refunded-to-wallet', 'nothing-to-do']);
    expect(await balance(database.db, c.family.user.id)).toBe(790);
    expect(await ledgerMismatches(database.db)).toEqual([]);
  });

  it('a notification for another amount is treated as refused', async () => {
    const c = await cart('montant@example.fr', 0, ['2027-01-20']);
    const result = await runWorker(async () => {
      const handle = await start(c, { walletCents: 0, cardCents: 790, cardType: 'CB' });
      await waitFor(handle, 'awaiting-card');
      await handle.signal(cardPaymentNotified, paid(1));
      return handle.result();
    });
    expect(result.status).toBe('abandoned');
  });

  it('refuses a step out of order or a plan that does not add up, before anything is written', async () => {
    const c = await cart('etapes@example.fr', 5000, ['2027-02-03']);
    await runWorker(async () => {
      const handle = await open(c);
      await expect(handle.executeUpdate(choosePayment, { args: [{ walletCents: 790, cardCents: 0, cardType: null }] })).rejects.toThrow();
      await handle.executeUpdate(chooseAddress, { args: [{ addressId: c.addressId }] });
      await expect(handle.executeUpdate(chooseAddress, { args: [{ addressId: 999999 }] })).rejects.toThrow();
      await handle.executeUpdate(acceptTerms);
      await expect(handle.executeUpdate(choosePayment, { args: [{ walletCents: 100, cardCents: 100, cardType: 'VISA' }] })).rejects.toThrow();
      await expect(handle.executeUpdate(choosePayment, { args: [{ walletCents: 0, cardCents: 790, cardType: 'AMEX' }] })).rejects.toThrow();
      const state = await handle.executeUpdate(choosePayment, { args: [{ walletCents: 790, cardCents: 0, cardType: null }] });
      expect(state.plan).toEqual({ walletCents: 790, cardCents: 0, cardType: null });
      expect((await handle.result()).status).toBe('paid');
    });
    const row = await database.db.selectFrom('orders').select(['billing_address', 'terms_accepted_at', 'state']).where('id', '=', c.created.orderId).executeTakeFirstOrThrow();
    expect(row.billing_address).toBe('3 rue des Tanneries, 43000 Le Puy-en-Velay');
    expect(row.terms_accepted_at).not.toBeNull();
    expect(row.state).toBe('paid');
  });

  it('abandons a checkout left unfinished for 45 minutes, and frees its places', async () => {
    const c = await cart('oubli@example.fr', 0, ['2027-02-10']);
    const result = await runWorker(async () => {
      const handle = await open(c);
      await handle.executeUpdate(chooseAddress, { args: [{ addressId: c.addressId }] });
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'abandoned', abandonReason: 'commande non finalisée dans les 45 minutes' });
    const hold = await database.db.selectFrom('holds').select('state').where('id', '=', c.created.holdIds[0]!).executeTakeFirstOrThrow();
    expect(hold.state).toBe('released');
  });

  it('applies a voucher at the recap: the plan must cover the total less the discount, and the use is kept once paid', async () => {
    await database.db
      .insertInto('vouchers')
      .values({ code: 'RENTREE5', label: 'Rentrée : 5 € offerts', kind: 'amount', value: 500, valid_from: '2026-01-01', valid_until: '2030-12-31', max_uses_per_family: 1 })
      .execute();
    const c = await cart('bon@example.fr', 5000, ['2027-03-03', '2027-03-10']);
    const result = await runWorker(async () => {
      const handle = await open(c);
      await expect(handle.executeUpdate(applyVoucher, { args: [{ code: 'INCONNU' }] })).rejects.toThrow();
      const state = await handle.executeUpdate(applyVoucher, { args: [{ code: 'rentree5' }] });
      expect(state.voucher).toEqual({ label: 'Rentrée : 5 € offerts', discountCents: 500 });
      await handle.executeUpdate(chooseAddress, { args: [{ addressId: c.addressId }] });
      await handle.executeUpdate(acceptTerms);
      await expect(handle.executeUpdate(choosePayment, { args: [{ walletCents: 1580, cardCents: 0, cardType: null }] })).rejects.toThrow();
      await handle.executeUpdate(choosePayment, { args: [{ walletCents: 1080, cardCents: 0, cardType: null }] });
      return handle.result();
    });
    expect(result.status).toBe('paid');
    expect(await balance(database.db, c.family.user.id)).toBe(5000 - 1080);
    const use = await database.db.selectFrom('voucher_uses').select(['state', 'discount_cents']).where('order_id', '=', c.created.orderId).executeTakeFirstOrThrow();
    expect(use).toEqual({ state: 'used', discount_cents: 500 });

    // The same family cannot use it twice.
    const again = await cart('bon@example.fr'.replace('bon', 'bon2'), 0, ['2027-03-17']);
    await database.db.updateTable('orders').set({ user_id: c.family.user.id }).where('id', '=', again.created.orderId).execute();
    const refusal = await runWorker(async () => {
      const handle = await open(again);
      return handle.executeUpdate(applyVoucher, { args: [{ code: 'RENTREE5' }] }).then(
        () => null,
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    });
    expect(refusal).toBe('Vous avez déjà utilisé ce bon de réduction.');
  });

  it('not enough in the wallet: takes nothing and abandons', async () => {
    const c = await cart('pauvre@example.fr', 300, ['2027-01-27']);
    const result = await runWorker(async () => (await start(c, { walletCents: 790, cardCents: 0, cardType: null })).result());
    expect(result).toMatchObject({ status: 'abandoned', abandonReason: 'solde du porte-monnaie insuffisant' });
    expect(await balance(database.db, c.family.user.id)).toBe(300);
    expect(await ledgerMismatches(database.db)).toEqual([]);
  });
});
