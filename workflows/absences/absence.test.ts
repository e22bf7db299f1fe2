// The absence workflow in the time-skipping environment, with its real activities on a real
// database: the certificate with the declaration or after it, staff accepting (each day's net paid
// price credited once, the place of a day ahead freed) or refusing, the reminder, and the absence
// left unjustified when no certificate comes.
import { fileURLToPath } from 'node:url';
import protos from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { booksProblems } from '../../db/queries/regies/index.ts';
import { createActivities } from '../../activities/index.ts';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { attachCertificate, declareAbsence } from '../../db/queries/absences/absences.ts';
import { joinWaitlist } from '../../db/queries/waitlist/waitlist.ts';
import { balance, ledgerMismatches } from '../../db/queries/wallet/wallet.ts';
import { createMailer } from '../../lib/mail/mailer.ts';
import { createStaff } from '../../test/helpers/accounts.ts';
import { addDays, parisDate, parisInstant } from '../../domain/dates.ts';
import { bookingFamily, holdPlaces, payCart, serviceDaysFrom } from '../../test/helpers/booking.ts';
import { bookableSeasonDay, testNow } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { testDocumentStore } from '../../test/helpers/documents.ts';
import { createTestWorker, createTimeSkippingEnv, uniqueTaskQueue } from '../../test/helpers/temporal.ts';
import { absenceDecided, absenceWorkflowId, certificateSent } from './absence.messages.ts';
import { absence } from './absence.ts';
import { waitlistWorkflowId } from '../waitlist/waitlist.messages.ts';
import { waitlist } from '../waitlist/waitlist.ts';

const workflowsPath = fileURLToPath(new URL('../index.ts', import.meta.url));
const database = useTestDatabase();
// Whatever the process did with the family's money, the régies' books hold.
afterEach(async () => {
  expect(await booksProblems(database.db)).toEqual([]);
});
let env: TestWorkflowEnvironment;
let clock = testNow();
let queue = '';
let staffId = 0;
const DAY = 86_400_000;
const E = protos.temporal.api.enums.v1.EventType;

/** Polls in real time (5 s at most): awaiting a workflow's result would skip the environment's time. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 50; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('not reached in 5 s');
}

beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
  staffId = (await createStaff(database.db, 'agent-absences@example.fr', ['rosieres'])).id;
});
// Each test starts from today: a finished workflow's result skips the environment's time far ahead.
beforeEach(async () => {
  env = await createTimeSkippingEnv();
});
afterEach(async () => {
  await env?.teardown();
});

async function runWorker<T>(work: () => Promise<T>): Promise<T> {
  queue = uniqueTaskQueue('absence');
  const worker = await createTestWorker({
    connection: env.nativeConnection,
    taskQueue: queue,
    workflowsPath,
    activities: createActivities({ db: database.db, mailer: createMailer({ from: 'x@y.z' }), now: () => clock, publicUrl: 'http://localhost', documents: testDocumentStore() }),
  });
  return worker.runUntil(work);
}

/**
 * A family that paid two Wednesdays of « Matin » (7,90 € each, 1,00 € of voucher shared), booked a
 * week ahead or more; then the environment moves to 10:00 the morning after the first: one day
 * gone (still declarable for 48 hours), one ahead.
 */
async function paidDays(email: string) {
  clock = new Date(await env.currentTimeMs());
  const family = await bookingFamily(database.db, email);
  const days = await serviceDaysFrom(database.db, 'Matin', addDays(parisDate(clock), 7), 2);
  const held = await holdPlaces(database.db, family, 'Matin', days, clock);
  if (!held.ok) throw new Error('hold refused');
  await payCart(database.db, family.user.id, clock, 100);
  await env.sleep(parisInstant(addDays(days[0]!, 1), 10).getTime() - clock.getTime());
  clock = new Date(await env.currentTimeMs());
  const reservations = await database.db.selectFrom('reservations').select(['id', 'service_date', 'state', 'slot_id']).where('user_id', '=', family.user.id).orderBy('service_date').execute();
  return { family, reservations };
}

/** A certificate file of the family's, as its upload records it. */
const certificateFile = async (userId: number, key: string) =>
  (
    await database.db
      .insertInto('documents')
      .values({ owner_id: userId, kind: 'certificat-medical', file_name: 'certificat.pdf', mime_type: 'application/pdf', size_bytes: 10, sha256: 'a'.repeat(64), storage_key: key, uploaded_at: clock })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

/** Declares the absence; its workflow starts at once, or at `startAt` (its first start lost, then made by the reconciler). */
async function declare(userId: number, reservationIds: number[], certificate: boolean, startAt?: (dueAt: Date) => Date) {
  const declaredAt = clock;
  const declared = await declareAbsence(database.db, { userId, reservationIds, now: declaredAt });
  if (!declared.ok) throw new Error(declared.error);
  if (certificate) expect(await attachCertificate(database.db, { absenceId: declared.absenceId, userId, documentId: await certificateFile(userId, `key-${declared.absenceId}`), now: clock })).toBe(true);
  if (startAt) {
    clock = startAt(declared.certificateDueAt);
    await env.sleep(clock.getTime() - declaredAt.getTime());
  }
  const handle = await env.client.workflow.start(absence, {
    taskQueue: queue,
    workflowId: absenceWorkflowId(declared.absenceId),
    args: [{ absenceId: declared.absenceId, declaredAt: declaredAt.toISOString(), certificateDueAt: declared.certificateDueAt.toISOString(), certificateSent: certificate }],
  });
  return { id: declared.absenceId, handle, dueAt: declared.certificateDueAt };
}

const mailsOf = async (absenceId: number) =>
  (await database.db.selectFrom('outbox_mails').select('idempotency_key').where('idempotency_key', 'like', `absence-${absenceId}/%`).orderBy('id').execute()).map((row) => row.idempotency_key.split('/')[1]);
const statusOf = async (absenceId: number) => (await database.db.selectFrom('absences').select('status').where('id', '=', absenceId).executeTakeFirstOrThrow()).status;
const taken = async (slotId: number) => (await database.db.selectFrom('slots').select('taken').where('id', '=', slotId).executeTakeFirstOrThrow()).taken;

describe('absence for illness', () => {
  it('with its certificate, accepted: each day credited once at its net paid price, the place ahead freed', async () => {
    const { family, reservations } = await paidDays('absence-acceptee@example.fr');
    const [past, ahead] = reservations;
    const before = await balance(database.db, family.user.id);
    const takenAhead = await taken(ahead!.slot_id);
    const result = await runWorker(async () => {
      const { id, handle } = await declare(family.user.id, [past!.id, ahead!.id], true);
      // Two staff decide at once: the first decision counts, the money moves once.
      await handle.signal(absenceDecided, { staffId, verdict: { accepted: true } });
      await handle.signal(absenceDecided, { staffId, verdict: { accepted: false, reason: 'Trop tard.' } });
      return { id, outcome: await handle.result() };
    });
    // 15,80 € less the 1,00 € voucher, shared: 7,40 € a day.
    expect(result.outcome).toEqual({ status: 'accepted', creditedCents: 1480 });
    expect(await balance(database.db, family.user.id)).toBe(before + 1480);
    expect(await database.db.selectFrom('wallet_entries').select(['amount_cents', 'idempotency_key']).where('user_id', '=', family.user.id).where('kind', '=', 'refund').orderBy('id').execute()).toEqual([
      { amount_cents: 740, idempotency_key: `absence-${result.id}/day-${past!.id}` },
      { amount_cents: 740, idempotency_key: `absence-${result.id}/day-${ahead!.id}` },
    ]);
    // The day gone stays booked (the child was expected); the day ahead is cancelled, its place back.
    expect((await database.db.selectFrom('reservations').select('state').where('id', 'in', [past!.id, ahead!.id]).orderBy('service_date').execute()).map((r) => r.state)).toEqual(['confirmed', 'cancelled']);
    expect(await taken(ahead!.slot_id)).toBe(takenAhead - 1);
    expect(await mailsOf(result.id)).toEqual(['declared', 'received', 'accepted']);
    expect(await database.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'absence').where('subject_id', '=', result.id).execute()).toEqual([{ action: 'absence.accepted' }]);
    expect(await ledgerMismatches(database.db)).toEqual([]);
  });

  it('certificate sent later, refused with a reason: nothing credited', async () => {
    const { family, reservations } = await paidDays('absence-refusee@example.fr');
    const before = await balance(database.db, family.user.id);
    const result = await runWorker(async () => {
      const { id, handle } = await declare(family.user.id, [reservations[0]!.id], false);
      clock = new Date(clock.getTime() + DAY);
      await env.sleep('1 day');
      expect(await attachCertificate(database.db, { absenceId: id, userId: family.user.id, documentId: await certificateFile(family.user.id, `key-later-${id}`), now: clock })).toBe(true);
      await handle.signal(certificateSent);
      await handle.signal(absenceDecided, { staffId, verdict: { accepted: false, reason: 'Le certificat ne couvre pas ce jour.' } });
      return { id, outcome: await handle.result() };
    });
    expect(result.outcome).toEqual({ status: 'refused', creditedCents: 0 });
    expect(await balance(database.db, family.user.id)).toBe(before);
    expect(await database.db.selectFrom('absences').select(['status', 'refusal_reason']).where('id', '=', result.id).executeTakeFirstOrThrow()).toEqual({ status: 'refused', refusal_reason: 'Le certificat ne couvre pas ce jour.' });
    expect(await mailsOf(result.id)).toEqual(['declared', 'received', 'refused']);
  });

  it('no certificate: the parent is reminded two days before, then the absence stands unjustified', async () => {
    const { family, reservations } = await paidDays('absence-sans-certificat@example.fr');
    const before = await balance(database.db, family.user.id);
    const result = await runWorker(async () => {
      const { id, handle, dueAt } = await declare(family.user.id, [reservations[0]!.id], false);
      clock = new Date(dueAt.getTime() - 2 * DAY + 1000);
      await env.sleep('5 days');
      // The timer has fired; its mail is an activity that may still be running on a busy machine.
      await until(async () => (await mailsOf(id)).includes('reminder')).catch(() => undefined);
      const reminded = await mailsOf(id);
      clock = new Date(dueAt.getTime() + 1000);
      return { id, reminded, outcome: await handle.result() };
    });
    expect(result.reminded).toEqual(['declared', 'reminder']);
    expect(result.outcome).toEqual({ status: 'unjustified', creditedCents: 0 });
    expect(await statusOf(result.id)).toBe('unjustified');
    expect(await balance(database.db, family.user.id)).toBe(before);
    expect(await mailsOf(result.id)).toEqual(['declared', 'reminder', 'unjustified']);
  });

  it('started late, past the reminder\'s time (its first start lost): no reminder of a day gone, then unjustified', async () => {
    const { family, reservations } = await paidDays('absence-demarree-tard@example.fr');
    const result = await runWorker(async () => {
      const { id, handle, dueAt } = await declare(family.user.id, [reservations[0]!.id], false, (due) => new Date(due.getTime() - DAY));
      clock = new Date(dueAt.getTime() + 1000);
      return { id, outcome: await handle.result() };
    });
    expect(result.outcome).toEqual({ status: 'unjustified', creditedCents: 0 });
    expect(await mailsOf(result.id)).toEqual(['declared', 'unjustified']);
  });

  it('a certificate recorded just before its due time, its signal lost, still goes to staff', async () => {
    const { family, reservations } = await paidDays('absence-signal-perdu@example.fr');
    const result = await runWorker(async () => {
      const { id, handle, dueAt } = await declare(family.user.id, [reservations[0]!.id], false);
      clock = new Date(dueAt.getTime() - 1000);
      await env.sleep('6 days');
      expect(await attachCertificate(database.db, { absenceId: id, userId: family.user.id, documentId: await certificateFile(family.user.id, `key-lost-${id}`), now: clock })).toBe(true);
      clock = new Date(dueAt.getTime() + 1000);
      await env.sleep('2 days');
      const waiting = await statusOf(id);
      await handle.signal(absenceDecided, { staffId, verdict: { accepted: true } });
      return { waiting, outcome: await handle.result() };
    });
    expect(result.waiting).toBe('waiting-staff');
    expect(result.outcome).toEqual({ status: 'accepted', creditedCents: 740 });
  });

  it("accepted, gives the place of a day ahead to that day's waiting list at once", async () => {
    const { family, reservations } = await paidDays('absence-liste@example.fr');
    const ahead = reservations[1]!;
    // The day ahead full, another family waits for it.
    const slot = await database.db.selectFrom('slots').select(['capacity', 'taken', 'product_id', 'prestation_id']).where('id', '=', ahead.slot_id).executeTakeFirstOrThrow();
    await database.db.updateTable('slots').set({ capacity: slot.taken }).where('id', '=', ahead.slot_id).execute();
    const waiting = await bookingFamily(database.db, 'absence-liste-attente@example.fr');
    const joined = await joinWaitlist(database.db, { userId: waiting.user.id, productId: slot.product_id, prestationId: slot.prestation_id, dependantIds: [waiting.dependants[0]!.id], dates: [ahead.service_date], now: clock });
    expect(joined.ok).toBe(true);
    try {
      const offered = await runWorker(async () => {
        const line = await env.client.workflow.start(waitlist, { taskQueue: queue, workflowId: waitlistWorkflowId(slot.product_id, ahead.service_date), args: [{ productId: slot.product_id, day: ahead.service_date }] });
        // The list's first round done (nothing free), it waits for its next look in 15 minutes.
        await until(async () => ((await line.fetchHistory()).events ?? []).some((event) => event.eventType === E.EVENT_TYPE_TIMER_STARTED));
        const { id, handle } = await declare(family.user.id, [ahead.id], true);
        await handle.signal(absenceDecided, { staffId, verdict: { accepted: true } });
        // Polled without awaiting a result, so that the environment's time does not skip to that look.
        await until(async () => (await statusOf(id)) === 'accepted');
        const entry = () => database.db.selectFrom('waitlist_entries').select('status').where('user_id', '=', waiting.user.id).executeTakeFirstOrThrow();
        await until(async () => (await entry()).status === 'offered').catch(() => undefined);
        const seen = (await entry()).status;
        await line.terminate('end of test');
        await handle.terminate('end of test').catch(() => undefined);
        return seen;
      });
      expect(offered).toBe('offered');
    } finally {
      await database.db.updateTable('slots').set({ capacity: slot.capacity }).where('id', '=', ahead.slot_id).execute();
    }
  });
});
