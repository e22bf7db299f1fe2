// The RGPD erasure in Temporal's time-skipping environment with the app's real activities,
// database, document store and an SMTP server: future reservations cancelled and refunded at their
// net price, staff reminded weekly until they record the transfer of the balance, a mail at each
// step (its history replayed on today's code), then nothing personal left anywhere in the
// database while orders, payments and the ledger stay and still add up.
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { booksProblems } from '../../db/queries/regies/index.ts';
import { createActivities } from '../../activities/index.ts';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { erasureRequest, recordWalletReturn, requestErasure } from '../../db/queries/personal-data/erasure.ts';
import { familyData } from '../../db/queries/personal-data/family-export.ts';
import { netPaidPrice } from '../../db/queries/orders/refunds.ts';
import { setQuotientFamilial } from '../../db/queries/family/families.ts';
import { createSession } from '../../db/queries/accounts/sessions.ts';
import { adjustWallet, balance, ledgerMismatches } from '../../db/queries/wallet/wallet.ts';
import { addDays, parisDate } from '../../domain/dates.ts';
import { createFolderStore } from '../../lib/documents/store.ts';
import { createMailer } from '../../lib/mail/mailer.ts';
import { createStaff } from '../../test/helpers/accounts.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { wholeDatabaseText } from '../../test/helpers/database-text.ts';
import { startSmtpServer, type TestSmtpServer } from '../../test/helpers/smtp.ts';
import { createTestWorker, createTimeSkippingEnv, uniqueTaskQueue, workflowBundle } from '../../test/helpers/temporal.ts';
import { workflowsPath } from '../../worker.ts';
import { onlineRequestWorkflowId } from '../approvals/approval.messages.ts';
import { erasureWorkflowId, walletReturned } from './erasure.messages.ts';
import { erasure } from './erasure.ts';
import { onlineRequest } from '../approvals/online-request.ts';
import { until } from '../../test/helpers/until.ts';
import { testNow } from '../../test/helpers/clock.ts';

const database = useTestDatabase();
// Whatever the process did with the family's money, the régies' books hold.
afterEach(async () => {
  expect(await booksProblems(database.db)).toEqual([]);
});
let env: TestWorkflowEnvironment;
let smtp: TestSmtpServer;
let store: ReturnType<typeof createFolderStore>;

beforeAll(async () => {
  [env, smtp] = await Promise.all([createTimeSkippingEnv(), startSmtpServer()]);
  store = createFolderStore(await mkdtemp(path.join(tmpdir(), 'erasure-')));
  await loadDemoCatalogue(database.db, parisDate(testNow()));
}, 60_000);
afterAll(async () => {
  await Promise.all([env?.teardown(), smtp?.close()]);
});

async function withWorker<T>(taskQueue: string, work: () => Promise<T>): Promise<T> {
  const activities = createActivities({ db: database.db, mailer: createMailer({ smtpUrl: smtp.url, from: 'mairie@citoyens.test' }), now: testNow, publicUrl: 'http://localhost:3000', documents: store });
  const worker = await createTestWorker({ connection: env.nativeConnection, taskQueue, workflowsPath, activities });
  return worker.runUntil(work);
}

const subjectsTo = (to: string) => smtp.messages.filter((mail) => [mail.to].flat().some((a) => a?.value.some((entry) => entry.address?.toLowerCase() === to))).map((mail) => mail.subject);

/** A family with something in every table that may hold its data, each with a word found nowhere else. */
async function familyWithEverything(email: string) {
  const family = await bookingFamily(database.db, email, [{ first: 'Anatole', birth: '2016-04-17' }]);
  const userId = family.user.id;
  const staff = await createStaff(database.db, 'agent.effacement@mairie.test', ['rosieres']);
  await database.db.updateTable('users').set({ first_name: 'Zéphirine', last_name: 'Effaçable', phone: '06 11 22 33 44' }).where('id', '=', userId).execute();
  await database.db
    .insertInto('child_health_records')
    .values({ dependant_id: family.dependants[0]!.id, version: 1, allergies: 'Allergie aux arachides', recorded_by: userId, recorded_at: testNow() })
    .execute();
  await database.db.insertInto('addresses').values({ user_id: userId, label: 'Maison', line1: '12 rue des Secrets', line2: null, postal_code: '43000', city: 'Mystèreville', is_default: true }).execute();
  const storageKey = await store.put(new TextEncoder().encode('%PDF-1.4 passeport'));
  await database.db
    .insertInto('documents')
    .values({ owner_id: userId, kind: 'autre', file_name: 'passeport-zephirine.pdf', mime_type: 'application/pdf', size_bytes: 18, sha256: 'a'.repeat(64), storage_key: storageKey, uploaded_at: testNow() })
    .execute();
  const product = await demoProduct(database.db);
  await database.db.insertInto('booking_lists').values({ user_id: userId, name: 'Les mercredis du petit', product_id: product.id, prestation_id: product.prestations[0]!.id, children: [family.dependants[0]!.id], weekdays: [3] }).execute();
  const form = await database.db
    .insertInto('request_forms')
    .values({ commune_id: family.user.commune_id!, title: 'Attestation de résidence', description: 'Une attestation.', fields: JSON.stringify([{ key: 'champ_1', label: 'Motif', kind: 'text', required: true }]), created_by: staff.id, published: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  const request = await database.db.insertInto('online_requests').values({ form_id: form.id, user_id: userId, answers: JSON.stringify({ champ_1: 'Réponse confidentielle' }) }).returning('id').executeTakeFirstOrThrow();
  await database.db.insertInto('request_messages').values({ request_id: request.id, author_id: userId, from_staff: false, body: 'Message confidentiel', document_id: null }).execute();
  await setQuotientFamilial(database.db, { staffId: staff.id, userId, quotient: 1234 });
  await adjustWallet(database.db, { staffId: staff.id, userId, amountCents: 500, reason: 'Geste pour Zéphirine', formToken: randomUUID() });
  await createSession(database.db, userId, testNow());

  const today = parisDate(testNow());
  const days = await database.db.selectFrom('slots').select('service_date').distinct().where('product_id', '=', product.id).where('service_date', '>', addDays(today, 1)).orderBy('service_date').limit(2).execute();
  await holdPlaces(database.db, family, 'Journée', days.map((d) => d.service_date), testNow());
  const order = await payCart(database.db, userId, testNow(), 300);
  // The child waits for a third day (full, say): the erasure takes it out of the line.
  const waited = await database.db.selectFrom('slots').select(['id', 'service_date']).where('product_id', '=', product.id).where('service_date', '>', days[1]!.service_date).orderBy('service_date').limit(1).executeTakeFirstOrThrow();
  await database.db.insertInto('waitlist_entries').values({ slot_id: waited.id, product_id: product.id, service_date: waited.service_date, dependant_id: family.dependants[0]!.id, user_id: userId, joined_at: testNow(), rank_at: testNow() }).execute();
  // One of the two days is made past: it stays, as what was sold, with an anonymised child.
  await database.db.updateTable('reservations').set({ service_date: addDays(today, -7) }).where('user_id', '=', userId).where('service_date', '=', days[1]!.service_date).execute();
  return { userId, staff, storageKey, order, requestId: request.id };
}

const PERSONAL = ['zephirine.effacable@example.fr', 'zéphirine', 'effaçable', '06 11 22 33 44', 'anatole', 'arachides', 'rue des secrets', 'mystèreville', 'passeport-zephirine', 'réponse confidentielle', 'message confidentiel', 'fr7630006000011234567890189', '2016-04-17', 'les mercredis du petit'];

describe('erasure', () => {
  it('refunds the future, waits for the transfer of the balance, then leaves nothing personal', async () => {
    const email = 'zephirine.effacable@example.fr';
    const family = await familyWithEverything(email);
    const ordersBefore = await database.db.selectFrom('orders').selectAll().where('user_id', '=', family.userId).execute();
    const paymentsBefore = await database.db.selectFrom('payments').select(['id', 'amount_cents', 'state']).where('user_id', '=', family.userId).execute();
    const future = await database.db.selectFrom('reservations').selectAll().where('user_id', '=', family.userId).where('service_date', '>', parisDate(testNow())).executeTakeFirstOrThrow();
    const futureNet = await netPaidPrice(database.db, future);
    const requestId = await requestErasure(database.db, { userId: family.userId, iban: 'FR7630006000011234567890189', now: testNow() });
    const taskQueue = uniqueTaskQueue('erasure');

    const result = await withWorker(taskQueue, async () => {
      // The request waits for staff in its own workflow, which the erasure cancels.
      await env.client.workflow.start(onlineRequest, { taskQueue, workflowId: onlineRequestWorkflowId(family.requestId), args: [{ requestId: family.requestId }] });
      const handle = await env.client.workflow.start(erasure, { taskQueue, workflowId: erasureWorkflowId(family.userId), args: [{ userId: family.userId, requestId }] });

      // The account closed, the future day refunded, staff asked for the transfer, and again a week later.
      await until(() => erasureRequest(database.db, requestId), (request) => request.status === 'awaiting-wallet-return');
      await smtp.waitFor('agent.effacement@mairie.test', (mail) => mail.subject === 'Effacement RGPD : un solde de porte-monnaie à rembourser');
      await env.sleep('7 days');
      await until(async () => smtp.messages.filter((mail) => mail.subject?.startsWith('Effacement RGPD')).length, (count) => count === 2);
      const request = await erasureRequest(database.db, requestId);
      const user = await database.db.selectFrom('users').select(['status', 'status_reason']).where('id', '=', family.userId).executeTakeFirstOrThrow();
      expect(user.status).toBe('suspended');
      expect(await database.db.selectFrom('sessions').select('id').where('user_id', '=', family.userId).execute()).toEqual([]);
      const states = await database.db.selectFrom('reservations').select(['state', 'service_date']).where('user_id', '=', family.userId).orderBy('service_date').execute();
      expect(states.map((r) => r.state)).toEqual(['confirmed', 'cancelled']);
      // The future day's net price (its share of the voucher off) came back; the 5 € adjustment stays.
      expect(request.refunded_cents).toBe(futureNet);
      expect(request.wallet_cents).toBe(500 + futureNet);
      expect(await database.db.selectFrom('subscriptions').select('status').where('user_id', '=', family.userId).execute()).toEqual([{ status: 'validated' }]);
      expect(await database.db.selectFrom('waitlist_entries').select('status').where('user_id', '=', family.userId).execute()).toEqual([{ status: 'left' }]);
      expect((await database.db.selectFrom('online_requests').select('status').where('id', '=', family.requestId).executeTakeFirstOrThrow()).status).toBe('refused');
      expect((await env.client.workflow.getHandle(onlineRequestWorkflowId(family.requestId)).describe()).status.name).toBe('CANCELLED');

      // Staff read an old balance: refused; the right one is recorded, the workflow told.
      expect(await recordWalletReturn(database.db, { requestId, staffId: family.staff.id, cents: 1, reference: 'VIR-2026-0042', now: testNow() })).toEqual({ balanceChanged: 500 + futureNet });
      expect(await recordWalletReturn(database.db, { requestId, staffId: family.staff.id, cents: 500 + futureNet, reference: 'VIR-2026-0042', now: testNow() })).toBe('recorded');
      await handle.signal(walletReturned);
      const outcome = await handle.result();
      // Its history replays on today's code: a worker lost at any point resumes it.
      await Worker.runReplayHistory({ workflowBundle: await workflowBundle(workflowsPath) }, await handle.fetchHistory(), erasureWorkflowId(family.userId));
      return outcome;
    });
    expect(result).toEqual({ reservations: 1, refundedCents: futureNet, walletReturnedCents: 500 + futureNet });

    expect(subjectsTo(email)).toEqual([
      'Votre demande d’effacement de vos données',
      'Vos réservations à venir sont annulées',
      'Le solde de votre porte-monnaie va vous être remboursé',
      'Le solde de votre porte-monnaie vous a été remboursé',
      'Vos données sont effacées',
    ]);
    await expect(store.get(family.storageKey)).rejects.toThrow();

    const everything = await wholeDatabaseText(database.db);
    for (const word of PERSONAL) expect(everything, word).not.toContain(word);
    const exported = JSON.stringify(await familyData(database.db, { id: family.userId, email: `compte-efface-${family.userId}@efface.invalid` })).toLowerCase();
    for (const word of PERSONAL) expect(exported, word).not.toContain(word);

    // What the public accounts keep is there, and adds up.
    expect(await database.db.selectFrom('orders').selectAll().where('user_id', '=', family.userId).execute()).toEqual(ordersBefore.map((order) => ({ ...order, billing_address: null })));
    expect(await database.db.selectFrom('payments').select(['id', 'amount_cents', 'state']).where('user_id', '=', family.userId).execute()).toEqual(paymentsBefore);
    expect(await balance(database.db, family.userId)).toBe(0);
    expect(await ledgerMismatches(database.db)).toEqual([]);
    const done = await database.db.selectFrom('erasure_requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow();
    expect(done).toMatchObject({ status: 'done', iban: null, wallet_reference: 'VIR-2026-0042', wallet_returned_by: family.staff.id });
    expect((await database.db.selectFrom('users').select('status').where('id', '=', family.userId).executeTakeFirstOrThrow()).status).toBe('erased');
    const audit = await database.db.selectFrom('audit_log').select(['action', 'details']).where('subject_type', '=', 'user').where('subject_id', '=', family.userId).execute();
    expect(audit.map((entry) => entry.action).sort()).toEqual(['family.quotient_familial', 'wallet.adjustment']);
    for (const entry of audit) expect(entry.details).toEqual({ effacé: true });
    const child = await database.db.selectFrom('dependants').select(['first_name', 'birth_date']).where('guardian_id', '=', family.userId).executeTakeFirstOrThrow();
    expect(child.birth_date).toBe('2016-01-01');
  }, 60_000);

  it('waits for a checkout in progress, and erases at once when nothing is owed', async () => {
    const { user } = await bookingFamily(database.db, 'sans-solde@example.fr');
    const order = await database.db.insertInto('orders').values({ number: `T-${user.id}`, user_id: user.id, state: 'awaiting-payment', total_cents: 0 }).returning('id').executeTakeFirstOrThrow();
    const requestId = await requestErasure(database.db, { userId: user.id, iban: null, now: testNow() });
    const taskQueue = uniqueTaskQueue('erasure');
    await withWorker(taskQueue, async () => {
      const handle = await env.client.workflow.start(erasure, { taskQueue, workflowId: erasureWorkflowId(user.id), args: [{ userId: user.id, requestId }] });
      await smtp.waitFor('sans-solde@example.fr', (mail) => mail.subject === 'Votre demande d’effacement de vos données');
      await env.sleep('30 minutes');
      expect((await erasureRequest(database.db, requestId)).status).toBe('in-progress');
      await database.db.updateTable('orders').set({ state: 'abandoned' }).where('id', '=', order.id).execute();
      expect(await handle.result()).toEqual({ reservations: 0, refundedCents: 0, walletReturnedCents: 0 });
    });
    expect(subjectsTo('sans-solde@example.fr')).toEqual(['Votre demande d’effacement de vos données', 'Vos données sont effacées']);
    expect(await database.db.selectFrom('erasure_requests').select(['status', 'wallet_cents']).where('id', '=', requestId).executeTakeFirstOrThrow()).toEqual({ status: 'done', wallet_cents: null });
  }, 60_000);
});
