// payfipPayment in the time-skipping environment, with its real activities on a real database and
// PayFiP's web service scripted: each outcome reaches the top-up waiting for it (the order's
// workflow takes the same signal; the journey test pays an order), the books hold.
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.ts';
import { createMailer } from '../../lib/mail/mailer.ts';
import type { PayfipPaymentRequest, PayfipService, PayfipStatus, Resultrans } from '../../lib/payments/payfip.ts';
import { balance } from '../../db/queries/wallet/wallet.ts';
import { booksProblems, familyRegie } from '../../db/queries/regies/index.ts';
import { createParent } from '../../test/helpers/accounts.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { createTestWorker, createTimeSkippingEnv, uniqueTaskQueue } from '../../test/helpers/temporal.ts';
import { testDocumentStore } from '../../test/helpers/documents.ts';
import { testNow } from '../../test/helpers/clock.ts';
import { walletTopUp } from '../wallet/wallet-top-up.ts';
import { payfipPayment } from './payfip.ts';
import { payfipNotified, payfipWorkflowId } from './payfip.messages.ts';

const workflowsPath = fileURLToPath(new URL('../index.ts', import.meta.url));
const database = useTestDatabase();
let env: TestWorkflowEnvironment;
const taskQueue = uniqueTaskQueue('payfip');

/** PayFiP's web service, scripted per operation: the answers its detail call gives, one after the other (the last repeats). */
const created: PayfipPaymentRequest[] = [];
const script = new Map<string, PayfipStatus[]>();
let asked = 0;
const payfip: PayfipService = {
  async creerPaiementSecurise(request) {
    created.push(request);
    return `idop-${request.refdet}`;
  },
  async recupererDetailPaiementSecurise(idOp) {
    asked += 1;
    const answers = script.get(idOp) ?? [{ kind: 'purged' }];
    return answers.length > 1 ? answers.shift()! : answers[0]!;
  },
};
const result = (resultrans: Resultrans, montantCents = 1000): PayfipStatus => ({
  kind: 'result',
  detail: { resultrans, idOp: '', refdet: '', montantCents, numcli: '123456', exer: '2026', saisie: 'T', numauto: resultrans === 'P' ? '445566' : '', dattrans: '', heurtrans: '' },
});

beforeAll(async () => {
  env = await createTimeSkippingEnv();
});
afterAll(async () => {
  await env?.teardown();
});

const worker = {
  async runUntil<T>(work: () => Promise<T>): Promise<T> {
    const running: Worker = await createTestWorker({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath,
      activities: createActivities({ db: database.db, mailer: createMailer({ from: 'x@y.z' }), now: testNow, publicUrl: 'http://localhost:3000', documents: testDocumentStore(), payfip }),
      // No sticky cache: a worker stopped mid-way leaves no task waiting on its own queue, and every task replays the history.
      maxCachedWorkflows: 0,
    });
    return running.runUntil(work);
  },
};

/** A family's top-up of 10 € through PayFiP, its régie taking PayFiP, with its walletTopUp waiting. */
async function payfipTopUp(email: string, answers: PayfipStatus[]) {
  const user = await createParent(database.db, email, { status: 'validated' });
  const regieId = await familyRegie(database.db, user.id);
  await database.db.updateTable('regies').set({ payfip_numcli: '123456', payfip_saisie: 'T', methods: ['card', 'payfip-card', 'payfip-sepa', 'wallet'] }).where('id', '=', regieId).execute();
  const payment = await database.db
    .insertInto('payments')
    .values({ user_id: user.id, purpose: 'topup', method: 'card', amount_cents: 1000, reference: `topup-${email.split('@')[0]}-0123456789`, card_type: 'PAYFIP', provider: 'payfip', regie_id: regieId })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
  script.set(`idop-${payment.reference.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`, answers);
  return { user, paymentId: payment.id, regieId };
}

const start = async (paymentId: number) => {
  const topUp = await env.client.workflow.start(walletTopUp, { taskQueue, workflowId: `topup-${paymentId}`, args: [{ paymentId }] });
  const payment = await env.client.workflow.start(payfipPayment, { taskQueue, workflowId: payfipWorkflowId(paymentId), args: [{ paymentId }] });
  return { topUp, payment };
};
const row = (id: number) => database.db.selectFrom('payments').select(['state', 'card_type', 'payfip_idop', 'payfip_result', 'provider_transaction', 'provider_error']).where('id', '=', id).executeTakeFirstOrThrow();
const journal = (userId: number) => database.db.selectFrom('journal_entries').select(['regie_id', 'kind', 'method', 'amount_cents']).where('user_id', '=', userId).execute();

describe('payfipPayment', () => {
  it('paid by card: creates the operation with the family’s e-mail and the régie’s client number, asks on the notification, credits once', async () => {
    const { user, paymentId, regieId } = await payfipTopUp('carte@example.fr', [result('P')]);
    const outcome = await worker.runUntil(async () => {
      const { topUp, payment } = await start(paymentId);
      await payment.signal(payfipNotified);
      expect((await topUp.result()).status).toBe('paid');
      return payment.result();
    });
    expect(outcome).toEqual({ outcome: 'paid', code: 'P', delivered: true });
    expect(created.at(-1)).toMatchObject({ numcli: '123456', saisie: 'T', montantCents: 1000, mel: 'carte@example.fr', refdet: 'TOPUPCARTE0123456789', urlnotif: 'http://localhost:3000/paiement/payfip/notification', urlredirect: 'http://localhost:3000/paiement/payfip/retour' });
    expect(await row(paymentId)).toMatchObject({ state: 'paid', payfip_idop: 'idop-TOPUPCARTE0123456789', payfip_result: 'P', provider_transaction: '445566', card_type: 'PAYFIP' });
    expect(await balance(database.db, user.id)).toBe(1000);
    expect(await journal(user.id)).toEqual([{ regie_id: regieId, kind: 'top-up', method: 'payfip-card', amount_cents: 1000 }]);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it('paid by SEPA debit: the payment says SEPA and the journal PayFiP’s debit', async () => {
    const { user, paymentId } = await payfipTopUp('sepa@example.fr', [result('V')]);
    await worker.runUntil(async () => {
      const { topUp, payment } = await start(paymentId);
      await payment.signal(payfipNotified);
      return topUp.result();
    });
    expect(await row(paymentId)).toMatchObject({ state: 'paid', card_type: 'SEPA', payfip_result: 'V' });
    expect((await journal(user.id)).map((entry) => entry.method)).toEqual(['payfip-sepa']);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it.each([
    ['R', 'refused', 'refused'],
    ['Z', 'refused', 'refused'],
    ['A', 'cancelled', 'cancelled'],
  ] as const)('resultrans %s: the top-up ends %s, nothing credited', async (resultrans, outcome, state) => {
    const { user, paymentId } = await payfipTopUp(`non-${resultrans}@example.fr`, [result(resultrans)]);
    const run = await worker.runUntil(async () => {
      const { topUp, payment } = await start(paymentId);
      await payment.signal(payfipNotified);
      expect((await topUp.result()).status).toBe(state);
      return payment.result();
    });
    expect(run).toEqual({ outcome, code: resultrans, delivered: true });
    expect(await balance(database.db, user.id)).toBe(0);
    expect(await journal(user.id)).toEqual([]);
  });

  it('in progress: without a notification it asks after 20 minutes, then every 3 minutes until paid', async () => {
    const { user, paymentId } = await payfipTopUp('en-cours@example.fr', [{ kind: 'in-progress' }, { kind: 'in-progress' }, result('P')]);
    const before = asked;
    const events = await worker.runUntil(async () => {
      const { topUp, payment } = await start(paymentId);
      await payment.result();
      expect((await topUp.result()).status).toBe('paid');
      return (await payment.fetchHistory()).events!;
    });
    expect(asked - before).toBe(3);
    const seconds = (event: (typeof events)[number]) => Number(event.eventTime!.seconds);
    expect(seconds(events.at(-1)!) - seconds(events[0]!)).toBeGreaterThanOrEqual(26 * 60);
    expect(await balance(database.db, user.id)).toBe(1000);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it('in progress for too long: given up as abandoned, nothing credited', async () => {
    const { user, paymentId } = await payfipTopUp('jamais@example.fr', [{ kind: 'in-progress' }]);
    const run = await worker.runUntil(async () => {
      const { topUp, payment } = await start(paymentId);
      expect((await topUp.result()).status).toBe('expired');
      return payment.result();
    });
    expect(run).toEqual({ outcome: 'cancelled', code: 'P5', delivered: false });
    expect(await balance(database.db, user.id)).toBe(0);
  });

  it('purged: not paid, and the payment is left for staff to reconcile', async () => {
    const { user, paymentId } = await payfipTopUp('purge@example.fr', [{ kind: 'purged' }]);
    const run = await worker.runUntil(async () => {
      const { topUp, payment } = await start(paymentId);
      await payment.signal(payfipNotified);
      await topUp.result();
      return payment.result();
    });
    expect(run).toMatchObject({ outcome: 'to-reconcile', code: 'P1' });
    expect(await row(paymentId)).toMatchObject({ state: 'to-reconcile', payfip_result: 'P1', provider_error: 'P1' });
    expect(await balance(database.db, user.id)).toBe(0);
  });

  it('a notification replayed, and a late answer after the top-up gave up, credit once', async () => {
    const { user, paymentId } = await payfipTopUp('rejoue@example.fr', [result('P')]);
    await worker.runUntil(async () => {
      const { topUp, payment } = await start(paymentId);
      await payment.signal(payfipNotified);
      await payment.signal(payfipNotified);
      await payment.signal(payfipNotified);
      await topUp.result();
      await payment.result();
      // The same operation asked again in a new run (an operator restarting it): nothing moves twice.
      const again = await env.client.workflow.start(payfipPayment, { taskQueue, workflowId: `${payfipWorkflowId(paymentId)}-again`, args: [{ paymentId }] });
      await again.signal(payfipNotified);
      expect(await again.result()).toMatchObject({ outcome: 'paid', delivered: false });
    });
    expect(await balance(database.db, user.id)).toBe(1000);
    expect(await journal(user.id)).toHaveLength(1);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it('survives its worker stopping mid-way: the operation kept, not created twice', async () => {
    const { user, paymentId } = await payfipTopUp('reprise@example.fr', [result('P')]);
    const handles = await worker.runUntil(async () => {
      const started = await start(paymentId);
      // Until the operation exists and the workflow waits for PayFiP: the page would now send the family to PayFiP.
      const waiting = async () => (await started.payment.fetchHistory()).events!.some((event) => event.timerStartedEventAttributes);
      for (let i = 0; i < 200 && !(await waiting()); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
      return started;
    });
    const creations = created.filter((request) => request.mel === 'reprise@example.fr').length;
    expect((await row(paymentId)).payfip_idop).toBe('idop-TOPUPREPRISE0123456789');
    await worker.runUntil(async () => {
      await handles.payment.signal(payfipNotified);
      await handles.payment.result();
      return handles.topUp.result();
    });
    expect(created.filter((request) => request.mel === 'reprise@example.fr').length).toBe(creations);
    expect(creations).toBe(1);
    expect(await balance(database.db, user.id)).toBe(1000);
    expect(await booksProblems(database.db)).toEqual([]);
  }, 90_000);
});
