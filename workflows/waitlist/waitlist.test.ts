// The waiting-list workflow in the time-skipping environment, with its real activities on a real
// database: a full day's freed place offered to the first in line, the offer expiring and going
// to the next family, who pays; declined, going to the next at once; two places freed at once
// offered to two families in parallel; a place freed during a rush given once; a line that ends
// (its day closed, or past its booking deadline) tells each family still waiting, once.
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { booksProblems } from '../../db/queries/regies/index.ts';
import { createActivities } from '../../activities/index.ts';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { releaseHolds } from '../../db/queries/booking/cart.ts';
import { slotCountMismatches } from '../../db/queries/booking/slot-counts.ts';
import { joinWaitlist, leaveWaitlist } from '../../db/queries/waitlist/waitlist.ts';
import { createMailer } from '../../lib/mail/mailer.ts';
import { addDays } from '../../domain/dates.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart, serviceDaysFrom, setCapacity } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { testDocumentStore } from '../../test/helpers/documents.ts';
import { createTestWorker, createTimeSkippingEnv, uniqueTaskQueue } from '../../test/helpers/temporal.ts';
import { placeFreed, waitlistWorkflowId } from './waitlist.messages.ts';
import { waitlist } from './waitlist.ts';
import { bookableSeasonDay, testNow, testToday } from '../../test/helpers/clock.ts';

const workflowsPath = fileURLToPath(new URL('../index.ts', import.meta.url));
const database = useTestDatabase();
// Whatever the process did with the family's money, the régies' books hold.
afterEach(async () => {
  expect(await booksProblems(database.db)).toEqual([]);
});
let env: TestWorkflowEnvironment;
let clock = testNow();
const HOUR = 3_600_000;

// Six Wednesdays three weeks and more ahead of the tests' clock, one a test.
let days: string[] = [];
beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
  days = await serviceDaysFrom(database.db, 'Matin', addDays(testToday(), 21), 6);
});
beforeEach(async () => {
  env = await createTimeSkippingEnv();
  clock = new Date(await env.currentTimeMs());
});
afterEach(async () => {
  await env?.teardown();
});

async function runWorker<T>(work: (queue: string) => Promise<T>): Promise<T> {
  const queue = uniqueTaskQueue('waitlist');
  const worker = await createTestWorker({
    connection: env.nativeConnection,
    taskQueue: queue,
    workflowsPath,
    activities: createActivities({ db: database.db, mailer: createMailer({ from: 'x@y.z' }), now: () => clock, publicUrl: 'http://localhost', documents: testDocumentStore() }),
  });
  return worker.runUntil(() => work(queue));
}

/** A day of « Matin » made full by `holders` families, and `waiting` families in its line. */
async function fullDay(day: string, prefix: string, holders: number, waiting: number) {
  const product = await demoProduct(database.db);
  const matin = product.prestations.find((p) => p.label === 'Matin')!.id;
  await setCapacity(database.db, day, 'Matin', holders);
  const families = await Promise.all(Array.from({ length: holders + waiting }, (_, i) => bookingFamily(database.db, `${prefix}-${i}@example.fr`)));
  const held = [];
  for (const family of families.slice(0, holders)) {
    const result = await holdPlaces(database.db, family, 'Matin', [day], clock);
    if (!result.ok) throw new Error('hold refused');
    held.push({ family, holdIds: result.holdIds });
  }
  for (const [i, family] of families.slice(holders).entries()) {
    const joined = await joinWaitlist(database.db, { userId: family.user.id, productId: product.id, prestationId: matin, dependantIds: [family.dependants[0]!.id], dates: [day], now: new Date(clock.getTime() + i) });
    if (!joined.ok) throw new Error(joined.error);
  }
  return { product, held, line: families.slice(holders) };
}

const entriesOf = (day: string) => database.db.selectFrom('waitlist_entries').select(['user_id', 'status']).where('service_date', '=', day).orderBy('id').execute();
const offerMails = async () => (await database.db.selectFrom('outbox_mails').select('idempotency_key').where('idempotency_key', 'like', 'waitlist-entry-%/offer').execute()).length;
const endedMails = (userIds: number[]) =>
  database.db.selectFrom('outbox_mails').innerJoin('users', 'users.email', 'outbox_mails.recipient').select(['users.id', 'outbox_mails.subject', 'outbox_mails.text_body']).where('users.id', 'in', userIds).where('idempotency_key', 'like', 'waitlist-entry-%/ended').orderBy('users.id').execute();

/** Runs the day's line to its end, twice (a second run, as after a restart, must tell nobody again). */
async function lineToItsEnd(productId: number, day: string): Promise<void> {
  await runWorker(async (taskQueue) => {
    for (const run of [1, 2]) await env.client.workflow.execute(waitlist, { taskQueue, workflowId: `${waitlistWorkflowId(productId, day)}-${run}`, args: [{ productId, day }] });
  });
}

describe('waiting list', () => {
  it('offers a freed place to the first in line; unanswered, it goes to the next, who pays', async () => {
    const day = days[0]!;
    const { product, held, line } = await fullDay(day, 'ligne', 1, 2);
    const [first, second] = line;
    const outcome = await runWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(waitlist, { taskQueue, workflowId: waitlistWorkflowId(product.id, day), args: [{ productId: product.id, day }] });
      // The holder gives the place back: the first in line is offered it for 12 hours.
      await releaseHolds(database.db, held[0]!.family.user.id, held[0]!.holdIds, clock);
      await handle.signal(placeFreed);
      await env.sleep('1 minute');
      const offeredFirst = await entriesOf(day);
      // Twelve hours without an order: the offer expires, the second family is offered the place.
      clock = new Date(clock.getTime() + 12 * HOUR + 60_000);
      await env.sleep('12 hours');
      const offeredSecond = await entriesOf(day);
      await payCart(database.db, second!.user.id, clock);
      await handle.signal(placeFreed);
      return { offeredFirst, offeredSecond, result: await handle.result() };
    });
    expect(outcome.offeredFirst.map((e) => e.status)).toEqual(['offered', 'waiting']);
    expect(outcome.offeredSecond.map((e) => [e.user_id, e.status])).toEqual([[first!.user.id, 'expired'], [second!.user.id, 'offered']]);
    expect(outcome.result).toEqual({ offered: 2 });
    expect((await entriesOf(day)).map((e) => e.status)).toEqual(['expired', 'booked']);
    expect(await database.db.selectFrom('reservations').select('user_id').where('service_date', '=', day).execute()).toEqual([{ user_id: second!.user.id }]);
    expect(await offerMails()).toBeGreaterThanOrEqual(2);
    expect(await slotCountMismatches(database.db)).toEqual([]);
  });

  it('offers two places freed at once to two families in parallel, never more than the places', async () => {
    const day = days[1]!;
    const { product, held, line } = await fullDay(day, 'parallele', 2, 3);
    const entries = await runWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(waitlist, { taskQueue, workflowId: waitlistWorkflowId(product.id, day), args: [{ productId: product.id, day }] });
      for (const { family, holdIds } of held) await releaseHolds(database.db, family.user.id, holdIds, clock);
      await handle.signal(placeFreed);
      await env.sleep('1 minute');
      const seen = await entriesOf(day);
      await handle.terminate('end of test');
      return seen;
    });
    expect(entries.map((e) => [e.user_id, e.status])).toEqual([[line[0]!.user.id, 'offered'], [line[1]!.user.id, 'offered'], [line[2]!.user.id, 'waiting']]);
    const matin = product.prestations.find((p) => p.label === 'Matin')!.id;
    const slot = await database.db.selectFrom('slots').select(['capacity', 'taken']).where('prestation_id', '=', matin).where('service_date', '=', day).executeTakeFirstOrThrow();
    expect(slot).toEqual({ capacity: 2, taken: 2 });
  });

  it('declined: the place goes to the next family at once', async () => {
    const day = days[2]!;
    const { product, held, line } = await fullDay(day, 'refus', 1, 2);
    const [first, second] = line;
    const seen = await runWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(waitlist, { taskQueue, workflowId: waitlistWorkflowId(product.id, day), args: [{ productId: product.id, day }] });
      await releaseHolds(database.db, held[0]!.family.user.id, held[0]!.holdIds, clock);
      await handle.signal(placeFreed);
      await env.sleep('1 minute');
      // « Refuser la place » from Mes listes d'attente: the page wakes the list.
      const offer = await database.db.selectFrom('waitlist_entries').select('id').where('user_id', '=', first!.user.id).where('status', '=', 'offered').executeTakeFirstOrThrow();
      expect(await leaveWaitlist(database.db, first!.user.id, offer.id, clock)).toEqual({ productId: product.id, day });
      await handle.signal(placeFreed);
      await env.sleep('1 minute');
      const entries = await entriesOf(day);
      await handle.terminate('end of test');
      return entries;
    });
    expect(seen.map((e) => [e.user_id, e.status])).toEqual([[first!.user.id, 'declined'], [second!.user.id, 'offered']]);
    expect(await slotCountMismatches(database.db)).toEqual([]);
  });

  it('offers a place freed during a rush: the offer is a hold like any other, never a place too many', async () => {
    const day = days[3]!;
    const { product, held, line } = await fullDay(day, 'ruee', 1, 1);
    const rushers = await Promise.all(Array.from({ length: 20 }, (_, i) => bookingFamily(database.db, `ruee-parent-${i}@example.fr`)));
    const outcome = await runWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(waitlist, { taskQueue, workflowId: waitlistWorkflowId(product.id, day), args: [{ productId: product.id, day }] });
      await env.sleep('1 minute');
      // The place comes back while twenty parents try for the day and the list is told.
      await releaseHolds(database.db, held[0]!.family.user.id, held[0]!.holdIds, clock);
      const [tries] = await Promise.all([Promise.all(rushers.map((family) => holdPlaces(database.db, family, 'Matin', [day], clock))), handle.signal(placeFreed)]);
      await env.sleep('1 minute');
      const entries = await entriesOf(day);
      await handle.terminate('end of test');
      return { won: tries.filter((t) => t.ok).length, entries };
    });
    // One place: either a parent of the rush has it, or the family waiting does; never both.
    const offered = outcome.entries.filter((e) => e.status === 'offered').length;
    expect(outcome.won + offered).toBe(1);
    expect(outcome.entries.map((e) => e.user_id)).toEqual([line[0]!.user.id]);
    const matin = product.prestations.find((p) => p.label === 'Matin')!.id;
    expect(await database.db.selectFrom('slots').select(['capacity', 'taken']).where('prestation_id', '=', matin).where('service_date', '=', day).executeTakeFirstOrThrow()).toEqual({ capacity: 1, taken: 1 });
    expect(await slotCountMismatches(database.db)).toEqual([]);
  });

  it('a day closed: each family still waiting is told once that its line is closed, and the line ends', async () => {
    const day = days[4]!;
    const { product, line } = await fullDay(day, 'fermeture', 1, 2);
    await database.db.updateTable('products').set({ closed_days: [day] }).where('id', '=', product.id).execute();
    await lineToItsEnd(product.id, day);
    expect((await entriesOf(day)).map((e) => e.status)).toEqual(['expired', 'expired']);
    const mails = await endedMails(line.map((f) => f.user.id));
    expect(mails.map((m) => m.id)).toEqual(line.map((f) => f.user.id).sort((a, b) => a - b));
    expect(mails[0]!.subject).toContain('Liste d’attente close');
    expect(mails[0]!.text_body).toContain('est fermé');
  });

  it('past its booking deadline: the families still waiting are told no place came in time', async () => {
    const day = days[5]!;
    const { product, line } = await fullDay(day, 'delai', 1, 1);
    clock = new Date(Date.parse(`${day}T12:00:00Z`));
    await lineToItsEnd(product.id, day);
    const mails = await endedMails([line[0]!.user.id]);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).toContain('Aucune place ne s’est libérée');
  });
});
