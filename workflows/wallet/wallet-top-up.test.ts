// walletTopUp in the time-skipping environment, with its real activities on a real database:
// paid once whatever the duplicates, refused, abandoned, unanswered, paid late.
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { booksProblems } from '../../db/queries/regies/index.ts';
import { createActivities } from '../../activities/index.ts';
import { createMailer } from '../../lib/mail/mailer.ts';
import { balance, ledgerMismatches } from '../../db/queries/wallet/wallet.ts';
import { createParent } from '../../test/helpers/accounts.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { createTestWorker, createTimeSkippingEnv, uniqueTaskQueue } from '../../test/helpers/temporal.ts';
import { cardPaymentNotified, topUpState, type CardNotification } from './wallet-top-up.messages.ts';
import { walletTopUp } from './wallet-top-up.ts';
import { testDocumentStore } from '../../test/helpers/documents.ts';
import { testNow } from '../../test/helpers/clock.ts';

const workflowsPath = fileURLToPath(new URL('../index.ts', import.meta.url));
const database = useTestDatabase();
// Whatever the process did with the family's money, the régies' books hold.
afterEach(async () => {
  expect(await booksProblems(database.db)).toEqual([]);
});
let env: TestWorkflowEnvironment;
const taskQueue = uniqueTaskQueue('topup');

beforeAll(async () => {
  env = await createTimeSkippingEnv();
});

/** A worker lives for one runUntil: each test step gets its own. */
const worker = {
  async runUntil<T>(work: () => Promise<T>): Promise<T> {
    const running: Worker = await createTestWorker({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath,
      activities: createActivities({ db: database.db, mailer: createMailer({ from: 'x@y.z' }), now: testNow, publicUrl: 'http://localhost', documents: testDocumentStore() }),
    });
    return running.runUntil(work);
  },
};
afterAll(async () => {
  await env?.teardown();
});

async function topUp(email: string, amountCents = 1000) {
  const user = await createParent(database.db, email);
  const payment = await database.db
    .insertInto('payments')
    .values({ user_id: user.id, purpose: 'topup', method: 'card', amount_cents: amountCents, reference: `topup-test-${email}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { user, paymentId: payment.id };
}

const notice = (outcome: CardNotification['outcome'], amountCents = 1000): CardNotification => ({ outcome, amountCents, transaction: '123', errorCode: outcome === 'paid' ? '00000' : '00105' });
const paymentState = async (id: number) => (await database.db.selectFrom('payments').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;

describe('walletTopUp', () => {
  it('credits once on a paid notification, whatever the duplicates', async () => {
    const { user, paymentId } = await topUp('paid@example.fr');
    const result = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(walletTopUp, { taskQueue, workflowId: `topup-${paymentId}`, args: [{ paymentId }] });
      expect((await handle.query(topUpState)).status).toBe('pending');
      await handle.signal(cardPaymentNotified, notice('paid'));
      await handle.signal(cardPaymentNotified, notice('paid'));
      return handle.result();
    });
    expect(result.status).toBe('paid');
    expect(await balance(database.db, user.id)).toBe(1000);
    expect(await paymentState(paymentId)).toBe('paid');
    expect(await ledgerMismatches(database.db)).toEqual([]);
  });

  it('credits nothing when the bank refuses', async () => {
    const { user, paymentId } = await topUp('refused@example.fr');
    const result = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(walletTopUp, { taskQueue, workflowId: `topup-${paymentId}`, args: [{ paymentId }] });
      await handle.signal(cardPaymentNotified, notice('refused'));
      return handle.result();
    });
    expect(result.status).toBe('refused');
    expect(await balance(database.db, user.id)).toBe(0);
  });

  it('credits nothing on "paiement déjà effectué" (00015), and leaves the payment to reconcile', async () => {
    const { user, paymentId } = await topUp('deja@example.fr');
    const result = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(walletTopUp, { taskQueue, workflowId: `topup-${paymentId}`, args: [{ paymentId }] });
      await handle.signal(cardPaymentNotified, { outcome: 'already-paid', amountCents: 1000, transaction: '123', errorCode: '00015' });
      return handle.result();
    });
    expect(result.status).toBe('to-reconcile');
    expect(await balance(database.db, user.id)).toBe(0);
    expect(await paymentState(paymentId)).toBe('to-reconcile');
  });

  it('waits through "pending" answers, and gives up after 30 minutes without one', async () => {
    const { user, paymentId } = await topUp('silence@example.fr');
    const result = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(walletTopUp, { taskQueue, workflowId: `topup-${paymentId}`, args: [{ paymentId }] });
      await handle.signal(cardPaymentNotified, notice('pending'));
      await env.sleep('20 minutes');
      expect((await handle.query(topUpState)).status).toBe('pending');
      return handle.result();
    });
    expect(result.status).toBe('expired');
    expect(await paymentState(paymentId)).toBe('expired');
    expect(await balance(database.db, user.id)).toBe(0);

    // The money arrives after all: a new run settles it, and credits once.
    const late = await worker.runUntil(async () => {
      const handle = await env.client.workflow.signalWithStart(walletTopUp, {
        taskQueue,
        workflowId: `topup-${paymentId}`,
        args: [{ paymentId }],
        signal: cardPaymentNotified,
        signalArgs: [notice('paid')],
      });
      return handle.result();
    });
    expect(late.status).toBe('paid');
    expect(await balance(database.db, user.id)).toBe(1000);
  });

  it('refuses a notification for another amount', async () => {
    const { user, paymentId } = await topUp('montant@example.fr');
    const result = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(walletTopUp, { taskQueue, workflowId: `topup-${paymentId}`, args: [{ paymentId }] });
      await handle.signal(cardPaymentNotified, notice('paid', 1));
      return handle.result();
    });
    expect(result.status).toBe('refused');
    expect(await balance(database.db, user.id)).toBe(0);
  });
});
