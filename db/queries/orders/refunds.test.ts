// A reservation is refunded its net paid price once in all, whichever paths meet: an absence
// accepted on the day itself credits the day and keeps it booked; a closure, a staff
// cancellation or an erasure of that day then credits nothing more. Checked on the real database,
// with the books' invariant reading the ledger itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../demo/load.ts';
import { addDays, parisDate, parisInstant, type IsoDate } from '../../../domain/dates.ts';
import { createStaff } from '../../../test/helpers/accounts.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart, serviceDaysFrom } from '../../../test/helpers/booking.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { declareAbsence, decideAbsence } from '../absences/absences.ts';
import { cancelClosedReservations, createClosure } from '../closures/closures.ts';
import { cancelFutureReservations, requestErasure } from '../personal-data/erasure.ts';
import { netPaidPrice, reservationsRefundedBeyondNet } from './refunds.ts';
import { staffCancelReservations } from './staff-cancellation.ts';
import { balance } from '../wallet/wallet.ts';
import { bookableSeasonDay, testNow } from '../../../test/helpers/clock.ts';

const database = useTestDatabase();
const now = testNow();
let staffId: number;
let day: IsoDate;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
  staffId = (await createStaff(database.db, 'agent@rosieres.fr', ['rosieres'])).id;
  // A day of the product a week ahead or more, whatever today is (holidays have no slot).
  const [slotDay] = (await serviceDaysFrom(database.db, 'Matin', addDays(parisDate(now), 7), 1)) as [string];
  day = slotDay;
});

/** A family that booked the day (with a voucher), declared it absent and had it accepted that very day. */
async function creditedOnTheDay(email: string) {
  const family = await bookingFamily(database.db, email);
  if (!(await holdPlaces(database.db, family, 'Matin', [day], now)).ok) throw new Error('hold refused');
  const order = await payCart(database.db, family.user.id, now, 37);
  const reservation = await database.db.selectFrom('reservations').selectAll().where('user_id', '=', family.user.id).executeTakeFirstOrThrow();
  const declared = await declareAbsence(database.db, { userId: family.user.id, reservationIds: [reservation.id], now: parisInstant(day, 7) });
  if (!declared.ok) throw new Error(declared.error);
  await database.db.updateTable('absences').set({ status: 'waiting-staff' }).where('id', '=', declared.absenceId).execute();
  const decided = await decideAbsence(database.db, { absenceId: declared.absenceId, staffId, decision: { accepted: true }, now: parisInstant(day, 10) });
  const net = await netPaidPrice(database.db, reservation);
  expect(net).toBeGreaterThan(0);
  expect(decided.creditedCents).toBe(net);
  expect(await balance(database.db, family.user.id)).toBe(net);
  return { userId: family.user.id, reservation, net, orderNumber: order.number };
}

describe('a day credited by an accepted absence', () => {
  it('is refunded nothing more when the day is closed', async () => {
    const family = await creditedOnTheDay('fermeture@example.fr');
    const closureId = await createClosure(database.db, { productId: family.reservation.product_id, firstDay: day, lastDay: day, reason: 'Grève', staffId });
    if (closureId === 'already-closed') throw new Error('the day was closed already');
    await cancelClosedReservations(database.db, closureId, 50, parisInstant(day, 11));
    expect((await database.db.selectFrom('reservations').select('state').where('id', '=', family.reservation.id).executeTakeFirstOrThrow()).state).toBe('cancelled');
    expect(await balance(database.db, family.userId)).toBe(family.net);
    expect(await reservationsRefundedBeyondNet(database.db)).toEqual([]);
  });

  it('is refunded nothing more when staff cancel the whole order', async () => {
    const family = await creditedOnTheDay('commune@example.fr');
    const cancelled = await staffCancelReservations(database.db, { communeIds: [(await demoProduct(database.db)).commune_id], number: family.orderNumber, reservations: 'all', reason: 'Erreur', refund: { to: 'wallet' }, staffId, now: parisInstant(day, 11) });
    expect(cancelled).not.toBe('none');
    expect(await balance(database.db, family.userId)).toBe(family.net);
    expect(await reservationsRefundedBeyondNet(database.db)).toEqual([]);
  });

  it('is refunded nothing more by the erasure of the account', async () => {
    const family = await creditedOnTheDay('effacement@example.fr');
    const requestId = await requestErasure(database.db, { userId: family.userId, iban: null, now: parisInstant(day, 11) });
    expect((await cancelFutureReservations(database.db, requestId, 50, parisInstant(day, 11))).count).toBe(1);
    expect(await balance(database.db, family.userId)).toBe(family.net);
    expect(await reservationsRefundedBeyondNet(database.db)).toEqual([]);
  });
});
