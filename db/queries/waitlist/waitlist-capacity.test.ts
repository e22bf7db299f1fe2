// A property of the waiting lists on a real database: whatever the order, and however many run at
// once, of bookings, payments, cancellations, carts emptied, families joining or leaving a line,
// rounds of offers and offers left to expire, a day never holds more places than its capacity, its
// count of places stays exact, and an offered place is booked once, by the family offered it.
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../demo/load.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart, setCapacity } from '../../../test/helpers/booking.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { checkInvariants } from '../../../bench/lib/invariants.ts';
import { cancelReservation } from '../orders/cancellation.ts';
import { releaseHolds } from '../booking/cart.ts';
import { joinWaitlist, leaveWaitlist } from './waitlist.ts';
import { waitlistRound } from './waitlist-offers.ts';
import { seasonAheadDay, testNow, testToday } from '../../../test/helpers/clock.ts';
import { addDays } from '../../../domain/dates.ts';

const database = useTestDatabase();
const FAMILIES = 5;
const RUNS = 20;
let families: Awaited<ReturnType<typeof bookingFamily>>[] = [];
let product: Awaited<ReturnType<typeof demoProduct>>;
let days: string[] = [];

beforeAll(async () => {
  await loadDemoCatalogue(database.db, seasonAheadDay());
  product = await demoProduct(database.db);
  families = [];
  for (let i = 0; i < FAMILIES; i += 1) families.push(await bookingFamily(database.db, `propriete-${i}@example.fr`));
  // A day of its own for each run, well ahead of every deadline the run's clock reaches.
  const rows = await database.db.selectFrom('slots').select('service_date').distinct().where('product_id', '=', product.id).where('service_date', '>=', addDays(testToday(), 14)).orderBy('service_date').limit(RUNS).execute();
  days = rows.map((row) => row.service_date);
});

type Action = { kind: 'book' | 'pay' | 'cancel' | 'empty-cart' | 'join' | 'leave'; family: number } | { kind: 'round' } | { kind: 'later' };

const familyAction = (kind: Exclude<Action['kind'], 'round' | 'later'>) => fc.integer({ min: 0, max: FAMILIES - 1 }).map((family): Action => ({ kind, family }));
// Weighted so that days fill, lines form and offers are made and paid in most runs.
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: familyAction('book'), weight: 4 },
  { arbitrary: familyAction('join'), weight: 4 },
  { arbitrary: familyAction('pay'), weight: 3 },
  { arbitrary: fc.constant<Action>({ kind: 'round' }), weight: 3 },
  { arbitrary: familyAction('cancel'), weight: 2 },
  { arbitrary: familyAction('empty-cart'), weight: 1 },
  { arbitrary: familyAction('leave'), weight: 1 },
  { arbitrary: fc.constant<Action>({ kind: 'later' }), weight: 1 },
);

/** One run on its day: `capacity` places, steps of one to three actions run at once. */
async function run(day: string, capacity: number, steps: Action[][]): Promise<void> {
  const { db } = database;
  await setCapacity(db, day, 'Matin', capacity);
  const matin = product.prestations.find((p) => p.label === 'Matin')!.id;
  const slot = await db.selectFrom('slots').select('id').where('prestation_id', '=', matin).where('service_date', '=', day).executeTakeFirstOrThrow();
  let clock = testNow();
  const liveHolds = async (userId: number) =>
    (await db.selectFrom('holds').select('id').where('user_id', '=', userId).where('slot_id', '=', slot.id).where('state', '=', 'held').where('expires_at', '>', clock).execute()).map((row) => row.id);

  const perform = async (step: Action): Promise<unknown> => {
    if (step.kind === 'round') return waitlistRound(db, product.id, day, clock);
    if (step.kind === 'later') return (clock = new Date(clock.getTime() + 13 * 3_600_000));
    const family = families[step.family]!;
    const userId = family.user.id;
    switch (step.kind) {
      case 'book':
        return holdPlaces(db, family, 'Matin', [day], clock);
      case 'pay':
        // Another step may take the cart or a place meanwhile: a refusal is an answer too.
        return (await liveHolds(userId)).length > 0 ? payCart(db, userId, clock).catch(() => null) : null;
      case 'cancel': {
        const booked = await db.selectFrom('reservations').select('id').where('user_id', '=', userId).where('slot_id', '=', slot.id).where('state', '=', 'confirmed').executeTakeFirst();
        return booked ? cancelReservation(db, userId, booked.id, clock) : null;
      }
      case 'empty-cart':
        return releaseHolds(db, userId, await liveHolds(userId), clock);
      case 'join':
        return joinWaitlist(db, { userId, productId: product.id, prestationId: matin, dependantIds: [family.dependants[0]!.id], dates: [day], now: clock });
      case 'leave': {
        const entry = await db.selectFrom('waitlist_entries').select('id').where('user_id', '=', userId).where('slot_id', '=', slot.id).where('status', 'in', ['waiting', 'offered']).executeTakeFirst();
        return entry ? leaveWaitlist(db, userId, entry.id, clock) : null;
      }
    }
  };

  for (const step of steps) {
    // `later` moves the clock alone: the actions of a step share one instant.
    const concurrent = step.filter((a) => a.kind !== 'later');
    if (concurrent.length < step.length) await perform({ kind: 'later' });
    await Promise.all(concurrent.map(perform));
    const counts = await db.selectFrom('slots').select(['capacity', 'taken']).where('id', '=', slot.id).executeTakeFirstOrThrow();
    expect(counts.taken).toBeLessThanOrEqual(counts.capacity);
    const { overbookedSlots, slotCountMismatches, offeredPlacesBookedTwice } = await checkInvariants(db, clock);
    expect({ overbookedSlots, slotCountMismatches, offeredPlacesBookedTwice }).toEqual({ overbookedSlots: 0, slotCountMismatches: 0, offeredPlacesBookedTwice: 0 });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from reservations where slot_id = ${slot.id} and state = 'confirmed' group by dependant_id having count(*) > 1`.execute(db);
    expect(rows).toEqual([]);
  }
  // The run's carts emptied: the next run's payments take only their own day.
  await db.updateTable('holds').set({ state: 'released', ended_at: clock }).where('user_id', 'in', families.map((f) => f.user.id)).where('state', '=', 'held').execute();
}

describe('waiting lists under random interleavings', () => {
  it('never exceed a day\'s capacity, keep its count exact, and book an offered place once', async () => {
    let next = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.array(fc.array(action, { minLength: 1, maxLength: 3 }), { minLength: 10, maxLength: 30 }), async (capacity, steps) => {
        await run(days[next++ % days.length]!, capacity, steps);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // The runs did meet what the property is about: places offered, and some of them paid.
    const offers = await database.db.selectFrom('waitlist_entries').select((eb) => eb.fn.countAll<string>().as('n')).where('offer_hold_id', 'is not', null).executeTakeFirstOrThrow();
    expect(Number(offers.n)).toBeGreaterThan(0);
  }, 120_000);
});
