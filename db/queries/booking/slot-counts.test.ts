import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../demo/load.ts';
import { bookingFamily, demoProduct, holdPlaces, setCapacity } from '../../../test/helpers/booking.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { daysAlreadyFull, placesLeft } from './booking.ts';
import { releaseHolds } from './cart.ts';
import { removeDependant } from '../family/family.ts';
import { expireOverdueHolds } from './holds.ts';
import { confirmOrder } from '../orders/order-outcome.ts';
import { planOrderPayment } from '../orders/order-steps.ts';
import { createOrderFromCart } from '../orders/orders.ts';
import { cancelAndRefund } from '../orders/refunds.ts';
import { slotCountMismatches } from './slot-counts.ts';

const database = useTestDatabase();
const T0 = new Date('2026-11-30T08:00:00Z');
const DAY = '2026-12-09';
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
});

async function taken(prestation = 'Matin') {
  const product = await demoProduct(database.db);
  const id = product.prestations.find((p) => p.label === prestation)!.id;
  const row = await database.db.selectFrom('slots').select(['taken', 'capacity']).where('prestation_id', '=', id).where('service_date', '=', DAY).executeTakeFirstOrThrow();
  return { ...row, left: (await placesLeft(database.db, id, DAY, DAY, T0)).get(DAY)! };
}

describe('the places a slot counts as taken', () => {
  it('follows holds and reservations through every change, and matches a recount', async () => {
    const start = (await taken()).taken;
    const twins = await bookingFamily(database.db, 'twins@example.fr', [{ first: 'Léa', birth: '2017-01-01' }, { first: 'Tom', birth: '2017-01-01' }]);
    const held = await holdPlaces(database.db, twins, 'Matin', [DAY], T0);
    if (!held.ok) throw new Error('not held');
    expect((await taken()).taken).toBe(start + 2);

    await releaseHolds(database.db, twins.user.id, [held.holdIds[0]!], T0);
    expect((await taken()).taken).toBe(start + 1);

    // Paid: the place passes from the hold to its reservation; cancelled, it goes back.
    const order = (await createOrderFromCart(database.db, twins.user.id, T0))!;
    await planOrderPayment(database.db, order.orderId, 0, order.totalCents);
    await confirmOrder(database.db, order.orderId, T0);
    expect((await taken()).taken).toBe(start + 1);
    const reservation = await database.db.selectFrom('reservations').selectAll().where('hold_id', '=', held.holdIds[1]!).executeTakeFirstOrThrow();
    await cancelAndRefund(database.db, reservation, { key: 'test/cancel', label: 'Annulation', now: T0 });
    expect((await taken()).taken).toBe(start);

    // Expired by the sweep, then honoured by its paid order: the place is taken again.
    const late = await bookingFamily(database.db, 'late@example.fr');
    expect((await holdPlaces(database.db, late, 'Matin', [DAY], T0, 1)).ok).toBe(true);
    const lateOrder = (await createOrderFromCart(database.db, late.user.id, T0, later(1)))!;
    expect(await expireOverdueHolds(database.db, later(2))).toBe(1);
    expect((await taken()).taken).toBe(start);
    await planOrderPayment(database.db, lateOrder.orderId, 0, lateOrder.totalCents);
    await confirmOrder(database.db, lateOrder.orderId, later(3));
    expect((await taken()).taken).toBe(start + 1);

    // A child removed with a place in the cart gives it back.
    const other = await bookingFamily(database.db, 'other@example.fr');
    await holdPlaces(database.db, other, 'Matin', [DAY], T0);
    await removeDependant(database.db, other.user.id, other.dependants[0]!.id, T0);
    expect((await taken()).taken).toBe(start + 1);
    expect(await slotCountMismatches(database.db)).toEqual([]);
  });

  it('refuses the place past capacity, and gives back places of holds expired unseen', async () => {
    const first = await bookingFamily(database.db, 'first@example.fr');
    const second = await bookingFamily(database.db, 'second@example.fr');
    const { taken: before } = await taken();
    await setCapacity(database.db, DAY, 'Matin', before + 1);
    expect((await holdPlaces(database.db, first, 'Matin', [DAY], T0, 5)).ok).toBe(true);
    expect(await holdPlaces(database.db, second, 'Matin', [DAY], later(1))).toEqual({ ok: false, failures: [{ date: DAY, reason: 'full' }] });
    const matin = (await demoProduct(database.db)).prestations.find((p) => p.label === 'Matin')!.id;
    // Refused before the cart's line while the hold lives; a day with room is not.
    expect(await daysAlreadyFull(database.db, matin, [DAY, '2026-12-16'], 1, later(1))).toEqual([DAY]);
    // The first family's hold is past its expiry, unseen by any workflow: the calendar shows the
    // place, the line no longer refuses the day, and the next cart takes it.
    expect((await placesLeft(database.db, matin, DAY, DAY, later(6))).get(DAY)).toBe(1);
    expect(await daysAlreadyFull(database.db, matin, [DAY], 1, later(6))).toEqual([]);
    expect((await holdPlaces(database.db, second, 'Matin', [DAY], later(6))).ok).toBe(true);
    expect(await database.db.selectFrom('holds').select('state').where('user_id', '=', first.user.id).executeTakeFirstOrThrow()).toEqual({ state: 'expired' });
    expect(await slotCountMismatches(database.db)).toEqual([]);
  });

  it('never sells the last place twice when twenty families race for it', async () => {
    const families = await Promise.all(Array.from({ length: 20 }, (_, i) => bookingFamily(database.db, `race${i}@example.fr`)));
    const { taken: before } = await taken();
    await setCapacity(database.db, DAY, 'Matin', before + 1);
    const results = await Promise.all(families.map((family) => holdPlaces(database.db, family, 'Matin', [DAY], T0)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).every((result) => !result.ok && result.failures[0]!.reason === 'full')).toBe(true);
    expect((await taken()).taken).toBe(before + 1);
    expect(await slotCountMismatches(database.db)).toEqual([]);
  });
});
