// The closure workflow on the run's Temporal server with the real activities: the days closed to
// bookings, every reservation cancelled and refunded its net paid price once, each family mailed
// once, through an activity that fails after committing and a worker stopped halfway.
import { Worker } from '@temporalio/worker';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { booksProblems } from '../../db/queries/regies/index.ts';
import { createActivities } from '../../activities/index.ts';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { createClosure } from '../../db/queries/closures/closures.ts';
import { balance, ledgerMismatches } from '../../db/queries/wallet/wallet.ts';
import { createMailer } from '../../lib/mail/mailer.ts';
import { formatEuros } from '../../domain/money.ts';
import { createStaff } from '../../test/helpers/accounts.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { connectWorker, useTemporal, workflowBundle } from '../../test/helpers/temporal.ts';
import { workflowsPath } from '../../worker.ts';
import { closureWorkflowId } from './closure.messages.ts';
import { closure } from './closure.ts';
import { testDocumentStore } from '../../test/helpers/documents.ts';

const database = useTestDatabase();
// Whatever the process did with the family's money, the régies' books hold.
afterEach(async () => {
  expect(await booksProblems(database.db)).toEqual([]);
});
const temporal = useTemporal();
const now = () => new Date('2026-11-27T08:00:00Z');

/** A family with its children booked on the days, paid (with `discountCents` off the order). */
async function booked(email: string, children: number, days: string[], discountCents = 0) {
  const family = await bookingFamily(database.db, email, Array.from({ length: children }, (_, i) => ({ first: `Enfant${i}`, birth: '2017-04-12' })));
  if (!(await holdPlaces(database.db, family, 'Matin', days, now())).ok) throw new Error('hold refused');
  await payCart(database.db, family.user.id, now(), discountCents);
  return family.user;
}

let staffId: number;
beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  staffId = (await createStaff(database.db, 'agent@rosieres.fr', ['rosieres'])).id;
});

/** A worker of the app whose activities can be made to fail. */
async function startWorker(wrap: (acts: ReturnType<typeof createActivities>, stop: () => void) => Partial<ReturnType<typeof createActivities>> = () => ({})) {
  const connection = await connectWorker();
  const acts = createActivities({ db: database.db, mailer: createMailer({ from: 'x@y.z' }), now, publicUrl: 'http://localhost:3000', documents: testDocumentStore() });
  let worker: Worker | undefined;
  worker = await Worker.create({ connection, taskQueue: temporal.taskQueue, workflowBundle: await workflowBundle(workflowsPath), activities: { ...acts, ...wrap(acts, () => worker?.shutdown()) } });
  const running = worker.run();
  return { running: running.finally(() => connection.close()), stop: () => worker!.shutdown() };
}

describe('closure', () => {
  it('cancels and refunds each reservation once at its net price, closes the days and mails each family once, through a failure and a restart', async () => {
    const product = await demoProduct(database.db);
    const twins = await booked('jumeaux@example.fr', 2, ['2026-12-09', '2026-12-16']);
    const voucher = await booked('bon@example.fr', 1, ['2026-12-09', '2026-12-16'], 500); // 2 × 7,90 € less 5,00 €
    const other = await booked('autre-jour@example.fr', 1, ['2026-12-16']);
    const closureId = await createClosure(database.db, { productId: product.id, firstDay: '2026-12-09', lastDay: '2026-12-09', reason: 'grève des agents', staffId });
    if (closureId === 'already-closed') throw new Error('the day was closed already');

    // First worker: the first batch fails once after committing part of its work; then the mails
    // stop the worker before they are recorded as done.
    let failed = false;
    const first = await startWorker((acts, stop) => ({
      cancelClosedReservations: async (input) => {
        if (!failed) {
          failed = true;
          await acts.cancelClosedReservations({ ...input, limit: 1 });
          throw new Error('worker lost mid-batch');
        }
        return acts.cancelClosedReservations(input);
      },
      mailClosureFamilies: async () => {
        stop();
        throw new Error('worker stopping');
      },
    }));
    const handle = await temporal.client.workflow.start(closure, { taskQueue: temporal.taskQueue, workflowId: closureWorkflowId(closureId), args: [{ closureId }] });
    await first.running;
    const second = await startWorker();
    const result = await handle.result();
    second.stop();
    await second.running;

    expect(result.families).toBe(2);
    const row = await database.db.selectFrom('closures').selectAll().where('id', '=', closureId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'done', reservations_total: 3, reservations_done: 3, families_mailed: 2 });
    // Twins: 2 × 7,90 €; the voucher's family paid 15,80 − 5,00 for two lines: 5,40 for this one.
    expect(await balance(database.db, twins.id)).toBe(1580);
    expect(await balance(database.db, voucher.id)).toBe(540);
    expect(await balance(database.db, other.id)).toBe(0);
    expect(row.refunded_cents).toBe(1580 + 540);
    const left = await database.db.selectFrom('reservations').select(['service_date', 'state']).where('product_id', '=', product.id).where('state', '=', 'confirmed').execute();
    expect(left.map((r) => r.service_date).sort()).toEqual(['2026-12-16', '2026-12-16', '2026-12-16', '2026-12-16']);
    const closedDays = (await database.db.selectFrom('products').select('closed_days').where('id', '=', product.id).executeTakeFirstOrThrow()).closed_days;
    expect(closedDays).toContain('2026-12-09');
    const mails = await database.db.selectFrom('outbox_mails').select(['recipient', 'text_body']).where('idempotency_key', 'like', `closure-${closureId}/%`).orderBy('recipient').execute();
    expect(mails.map((m) => m.recipient)).toEqual(['bon@example.fr', 'jumeaux@example.fr']);
    expect(mails[1]!.text_body).toContain(`Enfant0 – 09-12-2026 – ${formatEuros(790)}`);
    expect(mails[1]!.text_body).toContain(`${formatEuros(1580)} ont été crédités sur votre porte-monnaie.`);
    expect(await ledgerMismatches(database.db)).toEqual([]);
  }, 60_000);
});
