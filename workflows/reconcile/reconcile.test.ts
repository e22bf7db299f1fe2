// The reconciler: rows whose process should be running and whose start was lost (a closure, a
// waiting list, an absence, an online request) get their workflow, by its id, once; a row just
// written is left to its own start, and a workflow that ended without finishing its row is
// reported, never started again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { addDays } from '../../domain/dates.ts';
import { createStaff } from '../../test/helpers/accounts.ts';
import { backdateByAnHour, bookingFamily, demoProduct, holdPlaces, payCart, serviceDaysFrom } from '../../test/helpers/booking.ts';
import { bookableSeasonDay, testNow, testToday } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTestSchedules } from '../../test/helpers/schedules.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { absenceWorkflowId } from '../absences/absence.messages.ts';
import { onlineRequestWorkflowId } from '../approvals/approval.messages.ts';
import { closureWorkflowId } from '../closures/closure.messages.ts';
import { housekeeping } from '../housekeeping/housekeeping.ts';
import { RECONCILE_SCHEDULE_ID } from './reconcile.messages.ts';
import { reconcileProcesses } from './reconcile.ts';
import { waitlistWorkflowId } from '../waitlist/waitlist.messages.ts';
import { cardRefundWorkflowId } from '../orders/card-refund.messages.ts';
import { registrationWorkflowId } from '../registration/registration.messages.ts';
import { demoCampaign } from '../../test/helpers/registration.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db } });
const schedules = useTestSchedules(temporal);
const started: string[] = [];

beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
});
afterAll(async () => {
  for (const workflowId of started) await temporal.client.workflow.getHandle(workflowId).terminate('end of test').catch(() => {});
});

const hourAgo = () => new Date(testNow().getTime() - 3600_000);

/** Each kind of row, written an hour ago or just now, without its workflow. */
async function lostRows(name: string, old: boolean) {
  const when = old ? hourAgo() : testNow();
  const db = database.db;
  const staff = await createStaff(db, `${name}.agent@mairie.fr`, ['rosieres']);
  const family = await bookingFamily(db, `${name}@example.fr`);
  const product = await demoProduct(db);
  const matin = product.prestations.find((p) => p.label === 'Matin')!;
  const [day] = await serviceDaysFrom(db, 'Matin', addDays(testToday(), name === 'recente' ? 35 : 28), 1);
  const slot = await db.selectFrom('slots').select('id').where('prestation_id', '=', matin.id).where('service_date', '=', day!).executeTakeFirstOrThrow();
  const closure = await db.insertInto('closures').values({ product_id: product.id, first_day: day!, last_day: day!, reason: 'Grève', created_by: staff.id }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('waitlist_entries').values({ slot_id: slot.id, product_id: product.id, service_date: day!, dependant_id: family.dependants[0]!.id, user_id: family.user.id, joined_at: when, rank_at: when }).execute();
  const absence = await db
    .insertInto('absences')
    .values({ user_id: family.user.id, dependant_id: family.dependants[0]!.id, product_id: product.id, certificate_due_at: new Date(testNow().getTime() + 5 * 86_400_000), declared_at: when })
    .returning('id')
    .executeTakeFirstOrThrow();
  const commune = await db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow();
  const form = await db.insertInto('request_forms').values({ commune_id: commune.id, title: `Demande de badge (${name})`, fields: '[]', published: true, created_by: staff.id }).returning('id').executeTakeFirstOrThrow();
  const request = await db.insertInto('online_requests').values({ form_id: form.id, user_id: family.user.id, answers: '{}' }).returning('id').executeTakeFirstOrThrow();
  // These two are stamped by the database's clock, and read against it.
  if (old) {
    await backdateByAnHour(db, 'closures', closure.id);
    await backdateByAnHour(db, 'online_requests', request.id);
  }
  return {
    closure: closureWorkflowId(closure.id),
    line: waitlistWorkflowId(product.id, day!),
    absence: absenceWorkflowId(absence.id),
    request: onlineRequestWorkflowId(request.id),
  };
}

const statusOf = (workflowId: string) =>
  temporal.client.workflow
    .getHandle(workflowId)
    .describe()
    .then((workflow) => workflow.status.name)
    .catch(() => 'NOT FOUND');

describe('reconciler', () => {
  it('is scheduled every 10 minutes, once however often the worker starts', async () => {
    const schedule = await schedules.ensuredTwice(RECONCILE_SCHEDULE_ID);
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'reconcileProcesses' });
    expect(schedule.spec.intervals?.[0]?.every).toBe(10 * 60_000);
  });

  it('starts each lost process once, leaves a row just written to its own start, and reports a workflow that ended without its row', async () => {
    const lost = await lostRows('perdue', true);
    const recent = await lostRows('recente', false);
    const ended = await lostRows('terminee', true);
    // The closure's workflow ran and ended (any workflow under its id), its row still « running ».
    await temporal.client.workflow.execute(housekeeping, { taskQueue: temporal.taskQueue, workflowId: ended.closure });
    started.push(...Object.values(lost), ...Object.values(ended));

    const run = (n: number) => temporal.client.workflow.execute(reconcileProcesses, { taskQueue: temporal.taskQueue, workflowId: `reconcile-test-${n}-${temporal.taskQueue}` });
    // The rows of `ended` other than its closure were lost too: started with the others.
    expect(await run(1)).toEqual({ closures: 1, lines: 1, absences: 2, requests: 2, cardRefunds: 0, registrations: 0, endedUnfinished: 1, failed: 0 });
    for (const workflowId of [lost.absence, lost.request, ended.absence, ended.request]) expect(await statusOf(workflowId), workflowId).toBe('RUNNING');
    // A closure with no reservation to cancel ends as soon as it has closed its day.
    expect(['RUNNING', 'COMPLETED']).toContain(await statusOf(lost.closure));
    // The two lines share their day (same product, same day): one workflow for both families.
    expect(lost.line).toBe(ended.line);
    expect(['RUNNING', 'COMPLETED']).toContain(await statusOf(lost.line));
    expect(await statusOf(ended.closure)).toBe('COMPLETED');
    for (const workflowId of Object.values(recent)) expect(await statusOf(workflowId), workflowId).toBe('NOT FOUND');

    // Again: everything runs; nothing is started twice; the ended closure is still reported.
    const again = await run(2);
    // (A process started by the first pass may have ended meanwhile: it is reported, never started again.)
    expect({ ...again, lines: 0, endedUnfinished: 0 }).toEqual({ closures: 0, lines: 0, absences: 0, requests: 0, cardRefunds: 0, registrations: 0, endedUnfinished: 0, failed: 0 });
    expect(again.endedUnfinished).toBeGreaterThanOrEqual(1);
  });

  it('asks again a card refund whose try was never answered, with the same question', async () => {
    const db = database.db;
    const staff = await createStaff(db, 'remboursement.agent@mairie.fr', ['rosieres']);
    const family = await bookingFamily(db, 'remboursement-perdu@example.fr');
    const [day] = await serviceDaysFrom(db, 'Matin', addDays(testToday(), 42), 1);
    if (!(await holdPlaces(db, family, 'Matin', [day!], testNow())).ok) throw new Error('hold refused');
    const order = await payCart(db, family.user.id, testNow());
    const payment = await db.insertInto('payments').values({ user_id: family.user.id, purpose: 'order', method: 'card', amount_cents: order.totalCents, reference: `order-${order.number}-perdu`, state: 'paid' }).returning('id').executeTakeFirstOrThrow();
    const reservation = await db.selectFrom('reservations').select('id').where('user_id', '=', family.user.id).executeTakeFirstOrThrow();
    // Asked an hour ago, its workflow's start lost.
    const refund = await db.insertInto('card_refunds').values({ payment_id: payment.id, reservation_id: reservation.id, amount_cents: 100, staff_id: staff.id, state: 'requested', updated_at: hourAgo() }).returning('id').executeTakeFirstOrThrow();
    started.push(cardRefundWorkflowId(refund.id));
    const result = await temporal.client.workflow.execute(reconcileProcesses, { taskQueue: temporal.taskQueue, workflowId: `reconcile-test-refund-${temporal.taskQueue}` });
    expect(result.cardRefunds).toBe(1);
    await temporal.client.workflow.getHandle(cardRefundWorkflowId(refund.id)).result();
    // This worker has no refund account: the try is answered, refused, for staff to decide.
    const row = await db.selectFrom('card_refunds').select(['state', 'attempt', 'provider_code']).where('id', '=', refund.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'refused', attempt: 1, provider_code: 'non-configuré' });
  });

  it("starts the reminders of a family listed in a campaign whose start was lost, and leaves one just listed to its own start", async () => {
    const db = database.db;
    const staff = await createStaff(db, 'campagne.agent@mairie.fr', ['rosieres']);
    const campaign = await demoCampaign(db, { seasonDay: bookableSeasonDay(), staffId: staff.id, now: testNow(), today: testToday(), open: false });
    await db.updateTable('registration_campaigns').set({ opened_at: hourAgo(), opened_by: staff.id }).where('id', '=', campaign.id).execute();
    const lost = await bookingFamily(db, 'dossier-perdu@example.fr');
    const recent = await bookingFamily(db, 'dossier-recent@example.fr');
    const done = await bookingFamily(db, 'dossier-complet@example.fr');
    await db
      .insertInto('registration_families')
      .values([
        { campaign_id: campaign.id, user_id: lost.user.id, joined_at: hourAgo() },
        { campaign_id: campaign.id, user_id: recent.user.id, joined_at: testNow() },
        { campaign_id: campaign.id, user_id: done.user.id, joined_at: hourAgo(), completed_at: hourAgo() },
      ])
      .execute();
    started.push(registrationWorkflowId(campaign.id, lost.user.id));
    const run = (n: number) => temporal.client.workflow.execute(reconcileProcesses, { taskQueue: temporal.taskQueue, workflowId: `reconcile-test-registration-${n}-${temporal.taskQueue}` });
    expect((await run(1)).registrations).toBe(1);
    expect(await statusOf(registrationWorkflowId(campaign.id, lost.user.id))).toBe('RUNNING');
    expect(await statusOf(registrationWorkflowId(campaign.id, recent.user.id))).toBe('NOT FOUND');
    expect(await statusOf(registrationWorkflowId(campaign.id, done.user.id))).toBe('NOT FOUND');
    expect((await run(2)).registrations).toBe(0);
  });
});
