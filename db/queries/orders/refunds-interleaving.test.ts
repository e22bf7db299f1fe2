// A property of refunds on a real database: whatever paths meet on one reservation, in whatever
// order, some of them at once (an absence accepted on the day, a closure of the day, staff
// cancelling the order, the family cancelling, the account's erasure), the family gets back its
// net paid price at most, and the books' invariant agrees.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../demo/load.ts';
import { addDays, parisDate, parisInstant, type IsoDate } from '../../../domain/dates.ts';
import { checkInvariants } from '../../../bench/lib/invariants.ts';
import { createStaff } from '../../../test/helpers/accounts.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart } from '../../../test/helpers/booking.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { declareAbsence, decideAbsence } from '../absences/absences.ts';
import { cancelReservation } from './cancellation.ts';
import { cancelClosedReservations, createClosure } from '../closures/closures.ts';
import { cancelFutureReservations, requestErasure } from '../personal-data/erasure.ts';
import { netPaidPrice } from './refunds.ts';
import { staffCancelReservations } from './staff-cancellation.ts';
import { balance } from '../wallet/wallet.ts';
import { booksProblems } from '../regies/index.ts';
import { testNow } from '../../../test/helpers/clock.ts';

const database = useTestDatabase();
const RUNS = 12;
const PATHS = ['absence', 'closure', 'staff', 'family', 'erasure'] as const;
type Path = (typeof PATHS)[number];
let staffId: number;
let product: Awaited<ReturnType<typeof demoProduct>>;
let days: IsoDate[] = [];

beforeAll(async () => {
  const now = testNow();
  // The season three weeks ahead: days a week ahead or more exist whatever today is, even at
  // the school year's end (the next season's are then loaded).
  await loadDemoCatalogue(database.db, addDays(parisDate(now), 21));
  staffId = (await createStaff(database.db, 'agent@rosieres.fr', ['rosieres'])).id;
  product = await demoProduct(database.db);
  // A day of its own for each run while the school year has enough, a week ahead or more of the
  // test's clock; runs share days otherwise (each family's refunds are still its own).
  const matin = product.prestations.find((p) => p.label === 'Matin')!.id;
  const rows = await database.db.selectFrom('slots').select('service_date').where('prestation_id', '=', matin).where('service_date', '>=', addDays(parisDate(now), 7)).orderBy('service_date').limit(RUNS).execute();
  days = rows.map((row) => row.service_date);
  expect(days.length).toBeGreaterThan(0);
});

let next = 0;

/** One run: a family books `day` with a voucher, then the paths run, the steps' paths at once. */
async function run(voucherCents: number, steps: Path[][]): Promise<void> {
  const { db } = database;
  const day = days[next % days.length]!;
  const family = await bookingFamily(db, `chemins-${next}@example.fr`);
  next += 1;
  const now = testNow();
  if (!(await holdPlaces(db, family, 'Matin', [day], now)).ok) throw new Error('hold refused');
  const order = await payCart(db, family.user.id, now, voucherCents);
  const reservation = await db.selectFrom('reservations').selectAll().where('user_id', '=', family.user.id).executeTakeFirstOrThrow();
  const net = await netPaidPrice(db, reservation);
  const onTheDay = parisInstant(day, 10);

  const perform = async (path: Path): Promise<unknown> => {
    switch (path) {
      case 'absence': {
        // Declared in the morning, accepted on the day itself: the day stays booked, credited.
        const declared = await declareAbsence(db, { userId: family.user.id, reservationIds: [reservation.id], now: parisInstant(day, 7) });
        if (!declared.ok) return null;
        await db.updateTable('absences').set({ status: 'waiting-staff' }).where('id', '=', declared.absenceId).execute();
        return decideAbsence(db, { absenceId: declared.absenceId, staffId, decision: { accepted: true }, now: onTheDay });
      }
      case 'closure': {
        const closureId = await createClosure(db, { productId: product.id, firstDay: day, lastDay: day, reason: 'Grève', staffId });
        // The day closed already: a second closure is refused and changes nothing.
        return closureId === 'already-closed' ? null : cancelClosedReservations(db, closureId, 10, onTheDay);
      }
      case 'staff':
        return staffCancelReservations(db, { communeIds: [product.commune_id], number: order.number, reservations: 'all', reason: 'Erreur', refund: { to: 'wallet' }, staffId, now: onTheDay });
      case 'family':
        return cancelReservation(db, family.user.id, reservation.id, now);
      case 'erasure':
        return cancelFutureReservations(db, await requestErasure(db, { userId: family.user.id, iban: null, now: onTheDay }), 10, onTheDay);
    }
  };

  for (const step of steps) await Promise.all([...new Set(step)].map(perform));
  expect(await balance(db, family.user.id)).toBeLessThanOrEqual(net);
  const { reservationsRefundedBeyondNetPrice, ledgerMismatches, walletsBelowZero } = await checkInvariants(db, testNow());
  expect({ reservationsRefundedBeyondNetPrice, ledgerMismatches, walletsBelowZero }).toEqual({ reservationsRefundedBeyondNetPrice: 0, ledgerMismatches: 0, walletsBelowZero: 0 });
  expect(await booksProblems(db)).toEqual([]);
}

describe('refunds under random interleavings', () => {
  it('never give a reservation back more than its net paid price', async () => {
    const path = fc.constantFrom(...PATHS);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 300 }), fc.array(fc.array(path, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 5 }), async (voucher, steps) => {
        await run(voucher, steps);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);
});
