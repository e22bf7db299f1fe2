// The basket workflow in the time-skipping environment, with its real activities on a real
// database: the cart's places kept and expired by one timer, « Commander » and « Payer » as its
// two Updates, every payment path with its compensations, and the steps it refuses.
import { fileURLToPath } from 'node:url';
import protos from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { booksProblems } from '../../db/queries/regies/index.ts';
import { createActivities } from '../../activities/index.ts';
import { createMailer } from '../../lib/mail/mailer.ts';
import { extendCart } from '../../db/queries/booking/cart.ts';
import { createOrderFromCart, undoUnstartedOrder } from '../../db/queries/orders/orders.ts';
import { balance, ledgerMismatches, moveMoney } from '../../db/queries/wallet/wallet.ts';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { bookingFamily, holdPlaces } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { testDocumentStore } from '../../test/helpers/documents.ts';
import { createTestWorker, createTimeSkippingEnv, uniqueTaskQueue } from '../../test/helpers/temporal.ts';
import { basketWorkflowId, payOrder, placeOrder } from './basket.messages.ts';
import { basket } from './basket.ts';
import { applyVoucher, cardPaymentNotified, orderState, type PaymentPlan } from './order.messages.ts';
import { ProcessStateAttribute, TotalCentsAttribute } from '../common/search-attributes.ts';
import { testNow } from '../../test/helpers/clock.ts';
import { until } from '../../test/helpers/until.ts';

const E = protos.temporal.api.enums.v1.EventType;
const workflowsPath = fileURLToPath(new URL('../index.ts', import.meta.url));
const database = useTestDatabase();
// Whatever the process did with the family's money, the régies' books hold.
afterEach(async () => {
  expect(await booksProblems(database.db)).toEqual([]);
});
let env: TestWorkflowEnvironment;
const MINUTE = 60_000;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  await loadDemoCatalogue(database.db, '2026-11-27');
});
afterAll(async () => {
  await env?.teardown();
});

/** The activities' clock: the tests move it with the workflows' skipped time. */
let clock = testNow();
const at = (t0: Date, minutes: number) => new Date(t0.getTime() + minutes * MINUTE);

/** The task queue of the worker running now: each test has its own. */
let queue = '';

async function runWorker<T>(work: () => Promise<T>): Promise<T> {
  const taskQueue = uniqueTaskQueue('basket');
  queue = taskQueue;
  const worker = await createTestWorker({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath,
    activities: createActivities({ db: database.db, mailer: createMailer({ from: 'x@y.z' }), now: () => clock, publicUrl: 'http://localhost', documents: testDocumentStore() }),
  });
  return worker.runUntil(work);
}

/** A family with `walletCents` in its wallet whose cart holds `dates` of "Matin" (7,90 € each) since `t0`. */
async function fill(email: string, walletCents: number, dates: string[], t0: Date) {
  const family = await bookingFamily(database.db, email);
  if (walletCents > 0) await moveMoney(database.db, { userId: family.user.id, amountCents: walletCents, kind: 'topup', label: 'Recharge', idempotencyKey: `seed-${email}` });
  const held = await holdPlaces(database.db, family, 'Matin', dates, t0);
  if (!held.ok) throw new Error(`hold refused: ${JSON.stringify(held.failures)}`);
  return { family, held };
}

/** « Ajouter au panier »: the basket opens for the places just held. */
const open = (number: string, t0: Date) =>
  env.client.workflow.start(basket, { taskQueue: queue, workflowId: basketWorkflowId(number), args: [{ number, expiresAt: at(t0, 30).toISOString() }], typedSearchAttributes: [{ key: ProcessStateAttribute, value: 'cart' }] });

/** « Commander » at `when`: the order's row, then the Update. */
async function order(handle: Awaited<ReturnType<typeof open>>, userId: number, when: Date) {
  const created = (await createOrderFromCart(database.db, userId, when))!;
  await handle.executeUpdate(placeOrder, { args: [created] });
  return created;
}

/** The order back at the payment step after a refusal, told by a signal the workflow handles in its own time. */
const backAtPayment = (handle: Awaited<ReturnType<typeof open>>) => until(() => handle.query(orderState), (state) => state.status === 'checkout' && state.plan === null);
const pay = (handle: Awaited<ReturnType<typeof open>>, plan: PaymentPlan) => handle.executeUpdate(payOrder, { args: [plan] });
// The skipped time runs far ahead (a finished workflow's result skips years): each test starts from it.
const now0 = async () => (clock = new Date(await env.currentTimeMs()));
const holdStates = async (ids: number[]) => (await database.db.selectFrom('holds').select('state').where('id', 'in', ids).execute()).map((row) => row.state);
const reservationsOf = (userId: number) => database.db.selectFrom('reservations').selectAll().where('user_id', '=', userId).where('state', '=', 'confirmed').execute();
const events = async (handle: Awaited<ReturnType<typeof open>>, type: number) => ((await handle.fetchHistory()).events ?? []).filter((event) => event.eventType === type).length;

describe('basket: the cart', () => {
  it('keeps the places while the cart moves their expiry later, then gives them back and ends "expired"', async () => {
    const t0 = await now0();
    const { family, held } = await fill('panier-expire@example.fr', 0, ['2026-12-09', '2026-12-16'], t0);
    await runWorker(async () => {
      const handle = await open(held.basket, t0);
      // Twenty minutes on, another cart activity: the database moves every expiry, the workflow is not told.
      clock = at(t0, 20);
      await env.sleep('20 minutes');
      await extendCart(database.db, family.user.id, clock, at(t0, 50));
      clock = at(t0, 31);
      await env.sleep('11 minutes');
      expect((await handle.query(orderState)).status).toBe('cart');
      expect(await holdStates(held.holdIds)).toEqual(['held', 'held']);
      clock = at(t0, 51);
      await env.sleep('20 minutes');
      expect((await handle.result()).status).toBe('expired');
      expect((await handle.describe()).typedSearchAttributes.get(ProcessStateAttribute)).toBe('expired');
      // One timer for the first expiry, one for the expiry the database gave when it fired.
      expect(await events(handle, E.EVENT_TYPE_TIMER_STARTED)).toBe(2);
    });
    expect(await holdStates(held.holdIds)).toEqual(['expired', 'expired']);
  });

  it('refuses « Payer » before « Commander » and another basket\'s order; a « Commander » made anew replaces the first', async () => {
    const t0 = await now0();
    const { family, held } = await fill('panier-etapes@example.fr', 5000, ['2027-02-03'], t0);
    await runWorker(async () => {
      const handle = await open(held.basket, t0);
      await expect(pay(handle, { walletCents: 790, cardCents: 0, cardType: null })).rejects.toThrow();
      await expect(handle.executeUpdate(placeOrder, { args: [{ orderId: 1, number: '1999-000001', holdIds: [], totalCents: 0 }] })).rejects.toThrow();
      const first = await order(handle, family.user.id, at(t0, 1));
      // Its answer lost, the page undid the order and made it anew: the new one replaces it.
      await undoUnstartedOrder(database.db, first.orderId);
      const created = await order(handle, family.user.id, at(t0, 2));
      expect([created.number, (await handle.query(orderState)).status]).toEqual([first.number, 'checkout']);
      // The first one's Update, come late, does not take the order back.
      await expect(handle.executeUpdate(placeOrder, { args: [first] })).rejects.toMatchObject({ cause: { message: 'Cette commande a été remplacée.' } });
      await expect(pay(handle, { walletCents: 100, cardCents: 100, cardType: 'VISA' })).rejects.toThrow();
      await expect(pay(handle, { walletCents: 0, cardCents: 790, cardType: 'AMEX' })).rejects.toThrow();
      expect((await pay(handle, { walletCents: 790, cardCents: 0, cardType: null })).status).toBe('paid');
      await expect(handle.executeUpdate(placeOrder, { args: [created] })).rejects.toThrow();
      // Its mail sent before the worker stops: a pending activity would hold the skipped time.
      await handle.result();
    });
  });
});

describe('basket: the order', () => {
  it('wallet only: two Updates and one timer; debits once, books the places with e-tickets, mails the recap', async () => {
    const t0 = await now0();
    const { family, held } = await fill('panier-porte-monnaie@example.fr', 5000, ['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23'], t0);
    await runWorker(async () => {
      const handle = await open(held.basket, t0);
      const created = await order(handle, family.user.id, at(t0, 1));
      expect(created.number).toBe(held.basket);
      const state = await pay(handle, { walletCents: 3160, cardCents: 0, cardType: null });
      expect(state.status).toBe('paid');
      expect((await handle.result()).status).toBe('paid');
      const attributes = (await handle.describe()).typedSearchAttributes;
      expect([attributes.get(ProcessStateAttribute), attributes.get(TotalCentsAttribute)]).toEqual(['paid', 3160]);
      expect(await events(handle, E.EVENT_TYPE_TIMER_STARTED)).toBe(1);
      expect(await events(handle, E.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)).toBe(2);
      expect(await events(handle, E.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES)).toBe(1);
    });
    expect(await balance(database.db, family.user.id)).toBe(5000 - 3160);
    const reservations = await reservationsOf(family.user.id);
    expect(reservations).toHaveLength(4);
    expect(await database.db.selectFrom('e_tickets').select('code').where('reservation_id', 'in', reservations.map((r) => r.id)).execute()).toHaveLength(4);
    const mail = await database.db.selectFrom('outbox_mails').select('subject').where('recipient', '=', 'panier-porte-monnaie@example.fr').executeTakeFirstOrThrow();
    expect(mail.subject).toBe(`Commande ${held.basket} confirmée`);
    expect(await ledgerMismatches(database.db)).toEqual([]);
  });

  it('wallet and card: « Payer » answers with the card reference; paid once despite a duplicated notification', async () => {
    const t0 = await now0();
    const { family, held } = await fill('panier-carte@example.fr', 500, ['2027-01-06', '2027-01-13'], t0);
    await runWorker(async () => {
      const handle = await open(held.basket, t0);
      await order(handle, family.user.id, at(t0, 1));
      const state = await pay(handle, { walletCents: 500, cardCents: 1080, cardType: 'VISA' });
      expect(state.status).toBe('awaiting-card');
      expect(state.cardReference).toMatch(new RegExp(`^order-${held.basket}-[0-9a-f]{10}$`));
      const paid = { outcome: 'paid' as const, amountCents: 1080, transaction: '42', errorCode: '00000' };
      await handle.signal(cardPaymentNotified, paid);
      await handle.signal(cardPaymentNotified, paid);
      expect((await handle.result()).status).toBe('paid');
    });
    expect(await balance(database.db, family.user.id)).toBe(0);
    expect(await reservationsOf(family.user.id)).toHaveLength(2);
  });

  it('keeps a card notification come before the card part waits (the step that named the payment replayed by another worker)', async () => {
    const t0 = await now0();
    const { family, held } = await fill('panier-carte-tot@example.fr', 0, ['2027-02-17'], t0);
    await runWorker(async () => {
      const handle = await open(held.basket, t0);
      await order(handle, family.user.id, at(t0, 1));
      // The parent paid on the provider's page before the workflow reached the card part.
      await handle.signal(cardPaymentNotified, { outcome: 'paid', amountCents: 790, transaction: '43', errorCode: '00000' });
      await pay(handle, { walletCents: 0, cardCents: 790, cardType: 'VISA' });
      expect(await handle.result()).toMatchObject({ status: 'paid', abandonReason: null });
    });
    expect(await reservationsOf(family.user.id)).toHaveLength(1);
    const payment = await database.db.selectFrom('payments').select(['state', 'provider_transaction']).where('user_id', '=', family.user.id).executeTakeFirstOrThrow();
    expect(payment).toEqual({ state: 'paid', provider_transaction: '43' });
  });

  it('card refused: refunds the wallet part and comes back to the payment step, the places kept; paid then from the wallet', async () => {
    const t0 = await now0();
    const { family, held } = await fill('panier-refus@example.fr', 2000, ['2027-01-20'], t0);
    const result = await runWorker(async () => {
      const handle = await open(held.basket, t0);
      await order(handle, family.user.id, at(t0, 1));
      clock = at(t0, 2);
      const first = await pay(handle, { walletCents: 500, cardCents: 290, cardType: 'CB' });
      expect(await balance(database.db, family.user.id)).toBe(1500);
      const refused = { outcome: 'refused' as const, amountCents: 290, transaction: '', errorCode: '00105', reference: first.cardReference! };
      await handle.signal(cardPaymentNotified, refused);
      const back = await backAtPayment(handle);
      expect(back).toMatchObject({ status: 'checkout', plan: null, cardReference: null, refusal: { reason: 'paiement par carte refusé' } });
      // The places stay the cart's time from the refusal; the wallet part is back.
      expect(Date.parse(back.refusal!.until)).toBeGreaterThanOrEqual(at(t0, 30).getTime());
      const hold = await database.db.selectFrom('holds').select(['state', 'expires_at']).where('id', 'in', held.holdIds).executeTakeFirstOrThrow();
      expect(hold).toEqual({ state: 'held', expires_at: new Date(back.refusal!.until) });
      expect(await balance(database.db, family.user.id)).toBe(2000);
      const row = await database.db.selectFrom('orders').select(['state', 'card_payment_id']).where('number', '=', held.basket).executeTakeFirstOrThrow();
      expect(row).toEqual({ state: 'open', card_payment_id: null });
      // The provider's own notification of the refused payment, come after the browser's return: not the next attempt's answer.
      const second = await pay(handle, { walletCents: 0, cardCents: 790, cardType: 'VISA' });
      expect(second.cardReference).not.toBe(first.cardReference);
      await handle.signal(cardPaymentNotified, refused);
      expect((await handle.query(orderState)).status).toBe('awaiting-card');
      await handle.signal(cardPaymentNotified, { outcome: 'cancelled', amountCents: 790, transaction: '', errorCode: '00017', reference: second.cardReference! });
      expect((await backAtPayment(handle)).refusal).toMatchObject({ reason: 'paiement par carte abandonné' });
      // The third try, from the wallet, pays.
      expect((await pay(handle, { walletCents: 790, cardCents: 0, cardType: null })).status).toBe('paid');
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'paid', abandonReason: null });
    expect(await balance(database.db, family.user.id)).toBe(2000 - 790);
    expect(await reservationsOf(family.user.id)).toHaveLength(1);
    const payments = await database.db.selectFrom('payments').select('state').where('user_id', '=', family.user.id).orderBy('id').execute();
    expect(payments.map((payment) => payment.state)).toEqual(['refused', 'cancelled']);
    const mails = await database.db.selectFrom('outbox_mails').select('subject').where('recipient', '=', 'panier-refus@example.fr').execute();
    expect(mails.map((mail) => mail.subject)).toEqual([`Commande ${held.basket} confirmée`]);
    expect(await ledgerMismatches(database.db)).toEqual([]);
  });

  it("a refused try's card said paid after all, its signal sent as the try ended, goes to the wallet once while the next try pays", async () => {
    const t0 = await now0();
    const { family, held } = await fill('panier-refus-puis-paye@example.fr', 2000, ['2027-01-27'], t0);
    const result = await runWorker(async () => {
      const handle = await open(held.basket, t0);
      await order(handle, family.user.id, at(t0, 1));
      const first = await pay(handle, { walletCents: 0, cardCents: 790, cardType: 'CB' });
      await handle.signal(cardPaymentNotified, { outcome: 'refused', amountCents: 790, transaction: '', errorCode: '00105', reference: first.cardReference! });
      await backAtPayment(handle);
      // The page read the first payment still pending an instant before the try ended, and signals
      // the bank's late « paid » to the order, now back at its payment step.
      const late = { outcome: 'paid' as const, amountCents: 790, transaction: '77', errorCode: '00000', reference: first.cardReference! };
      await handle.signal(cardPaymentNotified, late);
      await handle.signal(cardPaymentNotified, late);
      expect((await pay(handle, { walletCents: 790, cardCents: 0, cardType: null })).status).toBe('paid');
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'paid' });
    // Paid twice, once by card and once from the wallet: the card's money is back in the wallet.
    expect(await balance(database.db, family.user.id)).toBe(2000);
    const payments = await database.db.selectFrom('payments').select('state').where('user_id', '=', family.user.id).execute();
    expect(payments.map((payment) => payment.state)).toEqual(['paid']);
    expect(await ledgerMismatches(database.db)).toEqual([]);
  });

  it('a card refused three times: the order ends, its places go back, the parent is told', async () => {
    const t0 = await now0();
    const { family, held } = await fill('panier-refus-3@example.fr', 0, ['2027-03-10'], t0);
    const result = await runWorker(async () => {
      const handle = await open(held.basket, t0);
      await order(handle, family.user.id, at(t0, 1));
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        const state = await pay(handle, { walletCents: 0, cardCents: 790, cardType: 'CB' });
        await handle.signal(cardPaymentNotified, { outcome: 'refused', amountCents: 790, transaction: '', errorCode: '00105', reference: state.cardReference! });
        if (attempt < 3) await backAtPayment(handle);
      }
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'abandoned', abandonReason: 'paiement par carte refusé' });
    expect(await holdStates(held.holdIds)).toEqual(['released']);
    const mail = await database.db.selectFrom('outbox_mails').select('subject').where('recipient', '=', 'panier-refus-3@example.fr').executeTakeFirstOrThrow();
    expect(mail.subject).toBe(`Commande ${held.basket} non aboutie`);
  });

  it('a checkout left unfinished: the places go back 45 minutes after « Commander », and the order is abandoned', async () => {
    const t0 = await now0();
    const { family, held } = await fill('panier-oubli@example.fr', 0, ['2027-02-10'], t0);
    const result = await runWorker(async () => {
      const handle = await open(held.basket, t0);
      await order(handle, family.user.id, at(t0, 1));
      // The cart's timer fires at 30 minutes: the order keeps its places to 46.
      clock = at(t0, 31);
      await env.sleep('31 minutes');
      expect((await handle.query(orderState)).status).toBe('checkout');
      clock = at(t0, 47);
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'abandoned', abandonReason: 'commande non finalisée dans les 45 minutes' });
    expect(await holdStates(held.holdIds)).toEqual(['expired']);
    const row = await database.db.selectFrom('orders').select('state').where('number', '=', held.basket).executeTakeFirstOrThrow();
    expect(row.state).toBe('abandoned');
  });

  it('not enough in the wallet: takes nothing and comes back to the payment step; left there, the places go back the cart\'s time later', async () => {
    const t0 = await now0();
    const { family, held } = await fill('panier-pauvre@example.fr', 300, ['2027-01-27'], t0);
    const result = await runWorker(async () => {
      const handle = await open(held.basket, t0);
      await order(handle, family.user.id, at(t0, 1));
      clock = at(t0, 2);
      expect(await pay(handle, { walletCents: 790, cardCents: 0, cardType: null })).toMatchObject({ status: 'checkout', refusal: { reason: 'solde du porte-monnaie insuffisant' } });
      clock = at(t0, 33);
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'abandoned', abandonReason: 'paiement non repris à temps' });
    expect(await balance(database.db, family.user.id)).toBe(300);
    expect(await holdStates(held.holdIds)).toEqual(['expired']);
  });

  it('applies a voucher at the recap: « Payer » must cover the total less the discount', async () => {
    await database.db
      .insertInto('vouchers')
      .values({ code: 'PANIER3', label: 'Panier : 3 € offerts', kind: 'amount', value: 300, valid_from: '2026-01-01', valid_until: '2999-12-31', max_uses_per_family: 1 })
      .execute();
    const t0 = await now0();
    const { family, held } = await fill('panier-bon@example.fr', 5000, ['2027-03-03'], t0);
    await runWorker(async () => {
      const handle = await open(held.basket, t0);
      await expect(handle.executeUpdate(applyVoucher, { args: [{ code: 'PANIER3' }] })).rejects.toThrow();
      await order(handle, family.user.id, at(t0, 1));
      expect((await handle.executeUpdate(applyVoucher, { args: [{ code: 'panier3' }] })).voucher).toEqual({ label: 'Panier : 3 € offerts', discountCents: 300 });
      await expect(pay(handle, { walletCents: 790, cardCents: 0, cardType: null })).rejects.toThrow();
      expect((await pay(handle, { walletCents: 490, cardCents: 0, cardType: null })).status).toBe('paid');
      await handle.result();
    });
    expect(await balance(database.db, family.user.id)).toBe(5000 - 490);
  });
});
