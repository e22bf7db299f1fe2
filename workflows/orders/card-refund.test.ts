// cardRefund in the time-skipping environment, with its real activities on a real database and
// the sandbox playing Paybox Direct: refunded once and journalled only then; refused, then tried
// again; given to the wallet instead, never both; an activity retried after the provider had
// refunded asks the same question and is not refunded twice. The books hold after each.
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.ts';
import { createMailer } from '../../lib/mail/mailer.ts';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { createOrderCardPayment } from '../../db/queries/orders/order-outcome.ts';
import { staffCancelReservations } from '../../db/queries/orders/staff-cancellation.ts';
import { cardRefundToWallet, retryCardRefund } from '../../db/queries/orders/card-refunds.ts';
import { reservationsRefundedBeyondNet } from '../../db/queries/orders/refunds.ts';
import { booksProblems, journalOrderCardPayment } from '../../db/queries/regies/index.ts';
import { balance } from '../../db/queries/wallet/wallet.ts';
import { addDays, parisDate } from '../../domain/dates.ts';
import { sandboxRefunds } from '../../lib/payments/card-refunds.ts';
import { createSandboxKeys } from '../../lib/payments/provider.ts';
import { refundQuestion } from '../../lib/payments/ppps.ts';
import { sandboxPpps } from '../../lib/payments/sandbox-ppps.ts';
import { createStaff } from '../../test/helpers/accounts.ts';
import { bookingFamily, holdPlaces, payCart, serviceDaysFrom } from '../../test/helpers/booking.ts';
import { bookableSeasonDay, testNow } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { testDocumentStore } from '../../test/helpers/documents.ts';
import { createTestWorker, createTimeSkippingEnv, uniqueTaskQueue } from '../../test/helpers/temporal.ts';
import { cardRefundWorkflowId } from './card-refund.messages.ts';
import { cardRefund } from './card-refund.ts';

const workflowsPath = fileURLToPath(new URL('../index.ts', import.meta.url));
const database = useTestDatabase();
const taskQueue = uniqueTaskQueue('card-refund');
const keys = createSandboxKeys('http://localhost:3000');
const ppps = sandboxPpps(keys);
/** The line to Paybox: `dropAnswers` loses that many answers after the provider acted on the question (a crash, a cut connection). */
const line = { dropAnswers: 0 };
const refunds = sandboxRefunds('http://localhost:3000', async (_url, body) => {
  const answer = ppps.answer(body);
  if (line.dropAnswers > 0) {
    line.dropAnswers -= 1;
    throw new Error('connection reset after the question was sent');
  }
  return answer;
});
let env: TestWorkflowEnvironment;
let staffId: number;
let days: string[];

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  await loadDemoCatalogue(database.db, bookableSeasonDay());
  staffId = (await createStaff(database.db, 'agent@rosieres.fr', ['rosieres'])).id;
  days = await serviceDaysFrom(database.db, 'Matin', addDays(parisDate(testNow()), 7), 2);
});
afterAll(async () => {
  await env?.teardown();
});

async function run(cardRefundId: number, attempt: number): Promise<string> {
  const worker: Worker = await createTestWorker({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath,
    activities: createActivities({ db: database.db, mailer: createMailer({ from: 'x@y.z' }), now: testNow, publicUrl: 'http://localhost', documents: testDocumentStore(), refunds }),
  });
  return worker.runUntil(env.client.workflow.execute(cardRefund, { taskQueue, workflowId: cardRefundWorkflowId(cardRefundId), workflowIdReusePolicy: 'ALLOW_DUPLICATE', args: [{ cardRefundId, attempt }] }));
}

/** A family's order of two days paid by card (Paybox's numbers kept), one day cancelled by staff to the card. */
async function cardRefundAsked(email: string) {
  const family = await bookingFamily(database.db, email);
  if (!(await holdPlaces(database.db, family, 'Matin', days, testNow())).ok) throw new Error('hold refused');
  const order = await payCart(database.db, family.user.id, testNow());
  const { paymentId } = await createOrderCardPayment(database.db, order.orderId, 'CB');
  await database.db.updateTable('payments').set({ state: 'paid', provider_transaction: '0012345678', paybox_numappel: '0012345678', paybox_numtrans: `00${paymentId}` }).where('id', '=', paymentId).execute();
  await journalOrderCardPayment(database.db, paymentId, order.orderId);
  const reservation = await database.db.selectFrom('reservations').select(['id', 'price_cents']).where('user_id', '=', family.user.id).orderBy('service_date').executeTakeFirstOrThrow();
  const cancelled = await staffCancelReservations(database.db, { communeIds: await rosieres(), number: order.number, reservations: [reservation.id], reason: 'Sortie annulée', refund: { to: 'card' }, staffId, now: testNow() });
  if (typeof cancelled === 'string') throw new Error(cancelled);
  const [cardRefundId] = cancelled.toAsk as [number];
  return { userId: family.user.id, number: order.number, cardRefundId, cents: reservation.price_cents };
}

async function rosieres(): Promise<number[]> {
  return (await database.db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').execute()).map((row) => row.id);
}

const refundRow = (id: number) => database.db.selectFrom('card_refunds').select(['state', 'attempt', 'provider_reference', 'provider_code', 'provider_comment']).where('id', '=', id).executeTakeFirstOrThrow();
const journalOf = (id: number) => database.db.selectFrom('journal_entries').select(['kind', 'method', 'series', 'amount_cents', 'provider_reference']).where('card_refund_id', '=', id).execute();
const refundedAt = (question: number) => ppps.refunds.filter((refund) => refund.question === String(question).padStart(10, '0'));

describe('cardRefund', () => {
  it('asks Paybox, records the refund done with its reference and only then journals it', async () => {
    const asked = await cardRefundAsked('rembourse@example.fr');
    expect(await journalOf(asked.cardRefundId)).toEqual([]);
    expect(await run(asked.cardRefundId, 1)).toBe('done');
    const [made] = refundedAt(refundQuestion(asked.cardRefundId, 1));
    expect(made).toMatchObject({ amountCents: asked.cents, numAppel: '0012345678' });
    expect(await refundRow(asked.cardRefundId)).toMatchObject({ state: 'done', attempt: 1, provider_reference: made!.refundNumTrans, provider_code: '00000' });
    expect(await journalOf(asked.cardRefundId)).toEqual([{ kind: 'card-refund', method: 'card', series: 'refund', amount_cents: asked.cents, provider_reference: made!.refundNumTrans }]);
    // Run again, the try is settled: nothing asked, nothing refunded.
    expect(await run(asked.cardRefundId, 1)).toBe('done');
    expect(refundedAt(refundQuestion(asked.cardRefundId, 1))).toHaveLength(1);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it('records a refusal with its reason; tried again, it asks a new question and is refunded once', async () => {
    const asked = await cardRefundAsked('refuse@example.fr');
    ppps.refuseNext(1, '00021');
    expect(await run(asked.cardRefundId, 1)).toBe('refused');
    expect(await refundRow(asked.cardRefundId)).toMatchObject({ state: 'refused', provider_code: '00021', provider_comment: 'Remboursement refusé par la banque (bac à sable)', provider_reference: null });
    expect(await journalOf(asked.cardRefundId)).toEqual([]);
    expect(await booksProblems(database.db)).toEqual([]);
    const retried = await retryCardRefund(database.db, { communeIds: await rosieres(), number: asked.number, cardRefundId: asked.cardRefundId, staffId, now: testNow() });
    expect(retried).toEqual({ attempt: 2 });
    // The first try's run cannot settle the second.
    expect(await run(asked.cardRefundId, 1)).toBe('requested');
    expect(await run(asked.cardRefundId, 2)).toBe('done');
    expect(refundedAt(refundQuestion(asked.cardRefundId, 1))).toEqual([]);
    expect(refundedAt(refundQuestion(asked.cardRefundId, 2))).toHaveLength(1);
    expect(await journalOf(asked.cardRefundId)).toHaveLength(1);
    // Done: neither tried again nor given to the wallet.
    expect(await cardRefundToWallet(database.db, { communeIds: await rosieres(), number: asked.number, cardRefundId: asked.cardRefundId, staffId, now: testNow() })).toBe('none');
    expect(await balance(database.db, asked.userId)).toBe(0);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it('gives a refused refund to the wallet instead, once, and then never to the card', async () => {
    const asked = await cardRefundAsked('porte-monnaie@example.fr');
    ppps.refuseNext(1);
    expect(await run(asked.cardRefundId, 1)).toBe('refused');
    const input = { communeIds: await rosieres(), number: asked.number, cardRefundId: asked.cardRefundId, staffId, now: testNow() };
    // Another commune's staff cannot.
    expect(await cardRefundToWallet(database.db, { ...input, communeIds: [] })).toBe('none');
    expect(await cardRefundToWallet(database.db, input)).toMatchObject({ cents: asked.cents });
    expect(await cardRefundToWallet(database.db, input)).toBe('none');
    expect(await retryCardRefund(database.db, input)).toBe('none');
    expect(await balance(database.db, asked.userId)).toBe(asked.cents);
    expect((await refundRow(asked.cardRefundId)).state).toBe('to-wallet');
    expect(await journalOf(asked.cardRefundId)).toEqual([]);
    expect(await reservationsRefundedBeyondNet(database.db)).toEqual([]);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it('asks the same question when its activity is retried after Paybox refunded, and is refunded once', async () => {
    const asked = await cardRefundAsked('coupure@example.fr');
    line.dropAnswers = 1;
    expect(await run(asked.cardRefundId, 1)).toBe('done');
    expect(line.dropAnswers).toBe(0);
    expect(refundedAt(refundQuestion(asked.cardRefundId, 1))).toHaveLength(1);
    expect(ppps.refunds.filter((refund) => refund.numTrans === ppps.refunds.at(-1)!.numTrans)).toHaveLength(1);
    expect(await journalOf(asked.cardRefundId)).toHaveLength(1);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it('never asks back of the card more than it paid, whatever the cancellations', async () => {
    const asked = await cardRefundAsked('plafond@example.fr');
    const payment = await database.db.selectFrom('card_refunds').innerJoin('payments', 'payments.id', 'card_refunds.payment_id').select(['payments.id', 'payments.amount_cents']).where('card_refunds.id', '=', asked.cardRefundId).executeTakeFirstOrThrow();
    // The second day, its card refund asked too: in all, what the card paid and no more.
    const second = await staffCancelReservations(database.db, { communeIds: await rosieres(), number: asked.number, reservations: 'all', reason: 'Sortie annulée', refund: { to: 'card' }, staffId, now: testNow() });
    if (typeof second === 'string') throw new Error(second);
    const asks = await database.db.selectFrom('card_refunds').select((eb) => eb.fn.sum<number>('amount_cents').as('cents')).where('payment_id', '=', payment.id).executeTakeFirstOrThrow();
    expect(Number(asks.cents)).toBe(payment.amount_cents);
    expect(await staffCancelReservations(database.db, { communeIds: await rosieres(), number: asked.number, reservations: 'all', reason: 'Encore', refund: { to: 'card' }, staffId, now: testNow() })).toBe('none');
    for (const id of [asked.cardRefundId, ...second.toAsk]) expect(await run(id, 1)).toBe('done');
    expect(await booksProblems(database.db)).toEqual([]);
  });
});
