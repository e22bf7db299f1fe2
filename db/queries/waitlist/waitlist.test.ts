// The waiting lists on a real database: joining a full day only, the line's positions, the first
// in line offered the freed place as a hold in its cart (priced as the cart would), the offer
// refused when the place went meanwhile, and leaving the line giving an offered place back.
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/dates.ts';
import { loadDemoCatalogue } from '../../demo/load.ts';
import { bookingFamily, demoProduct, holdPlaces, setCapacity } from '../../../test/helpers/booking.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { releaseHolds } from '../booking/cart.ts';
import { slotCountMismatches } from '../booking/slot-counts.ts';
import { familyWaitlist, joinWaitlist, leaveWaitlist, nextInLine, offerPlace } from './waitlist.ts';
import { offerByHand, productLines } from './waitlist-staff.ts';

const database = useTestDatabase();
const T0 = new Date('2026-11-30T08:00:00Z');
const DAY = '2026-12-16';
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
});

describe('waiting lists', () => {
  it('take a full day only, in order of arrival; the first is offered the freed place, and leaving gives it back', async () => {
    const product = await demoProduct(database.db);
    const matin = product.prestations.find((p) => p.label === 'Matin')!.id;
    const [holder, first, second] = await Promise.all(['holder', 'first', 'second'].map((name) => bookingFamily(database.db, `attente-${name}@example.fr`)));
    await setCapacity(database.db, DAY, 'Matin', 1);
    const join = (family: NonNullable<typeof first>, at: Date) => joinWaitlist(database.db, { userId: family.user.id, productId: product.id, prestationId: matin, dependantIds: [family.dependants[0]!.id], dates: [DAY], now: at });

    expect(await join(first!, T0)).toEqual({ ok: false, error: `Le ${DAY} a encore de la place : réservez-le directement.` });
    const held = await holdPlaces(database.db, holder!, 'Matin', [DAY], T0);
    if (!held.ok) throw new Error('hold refused');
    expect(await join(first!, later(1))).toEqual({ ok: true, entries: 1 });
    expect(await join(second!, later(2))).toEqual({ ok: true, entries: 1 });
    expect(await join(first!, later(3))).toEqual({ ok: false, error: 'Un de ces enfants attend déjà ce jour.' });
    expect((await familyWaitlist(database.db, second!.user.id)).map((e) => [e.service_date, e.position])).toEqual([[DAY, 2]]);

    const slot = (await database.db.selectFrom('slots').select('id').where('prestation_id', '=', matin).where('service_date', '=', DAY).executeTakeFirstOrThrow()).id;
    const next = (await nextInLine(database.db, slot))!;
    expect(next.user_id).toBe(first!.user.id);
    const offer = { entryId: next.id, product, prestationId: matin, until: later(60), now: later(4) };
    // The place is still the holder's: nothing to offer.
    expect(await offerPlace(database.db, offer)).toEqual({ ok: false, reason: 'full' });
    await releaseHolds(database.db, holder!.user.id, held.holdIds, later(4));
    const offered = await offerPlace(database.db, offer);
    expect(offered.ok).toBe(true);
    expect(await database.db.selectFrom('holds').select(['user_id', 'state', 'price_cents']).where('id', '=', offered.ok ? offered.holdId : 0).executeTakeFirstOrThrow()).toEqual({ user_id: first!.user.id, state: 'held', price_cents: 790 });
    expect((await familyWaitlist(database.db, first!.user.id)).map((e) => e.status)).toEqual(['offered']);
    expect((await familyWaitlist(database.db, second!.user.id)).map((e) => e.position)).toEqual([1]);

    // Declined: the place goes back, the next family can be offered it.
    expect(await leaveWaitlist(database.db, first!.user.id, next.id, later(5))).toEqual({ productId: product.id, day: DAY });
    expect(await database.db.selectFrom('waitlist_entries').select('status').where('id', '=', next.id).executeTakeFirstOrThrow()).toEqual({ status: 'declined' });
    expect((await nextInLine(database.db, slot))!.user_id).toBe(second!.user.id);
    expect(await slotCountMismatches(database.db)).toEqual([]);
  });

  it('put the commune\'s residents first when the product says so, each group by arrival', async () => {
    const product = await demoProduct(database.db);
    const matin = product.prestations.find((p) => p.label === 'Matin')!.id;
    const day = '2027-01-06';
    await setCapacity(database.db, day, 'Matin', 0);
    const [outsider, resident] = await Promise.all(['dehors', 'habitant'].map((name) => bookingFamily(database.db, `ordre-${name}@example.fr`)));
    const elsewhere = await database.db.selectFrom('communes').select('id').where('id', '<>', resident!.user.commune_id!).executeTakeFirstOrThrow();
    await database.db.updateTable('users').set({ commune_id: elsewhere.id }).where('id', '=', outsider!.user.id).execute();
    for (const [family, at] of [[outsider!, later(1)], [resident!, later(2)]] as const) {
      expect(await joinWaitlist(database.db, { userId: family.user.id, productId: product.id, prestationId: matin, dependantIds: [family.dependants[0]!.id], dates: [day], now: at })).toEqual({ ok: true, entries: 1 });
    }
    const slot = (await database.db.selectFrom('slots').select('id').where('prestation_id', '=', matin).where('service_date', '=', day).executeTakeFirstOrThrow()).id;
    expect((await nextInLine(database.db, slot))!.user_id).toBe(outsider!.user.id);
    await database.db.updateTable('products').set({ waitlist_residents_first: true }).where('id', '=', product.id).execute();
    try {
      expect((await nextInLine(database.db, slot))!.user_id).toBe(resident!.user.id);
      expect((await familyWaitlist(database.db, outsider!.user.id)).map((e) => e.position)).toEqual([2]);
      expect((await productLines(database.db, product.id, '2026-12-01')).filter((e) => e.service_date === day).map((e) => [e.email, e.position, e.resident])).toEqual([
        ['ordre-habitant@example.fr', 1, true],
        ['ordre-dehors@example.fr', 2, false],
      ]);
    } finally {
      await database.db.updateTable('products').set({ waitlist_residents_first: false }).where('id', '=', product.id).execute();
    }
  });

  it('staff cannot offer a place by hand on a closed day, nor past its booking deadline, and are told which', async () => {
    const product = await demoProduct(database.db);
    const matin = product.prestations.find((p) => p.label === 'Matin')!.id;
    // A week after the file's day, on its pinned clock (T0).
    const day = addDays(DAY, 7);
    const [holder, waiting] = await Promise.all(['main-holder', 'main-waiting'].map((name) => bookingFamily(database.db, `attente-${name}@example.fr`)));
    await setCapacity(database.db, day, 'Matin', 1);
    if (!(await holdPlaces(database.db, holder!, 'Matin', [day], T0)).ok) throw new Error('hold refused');
    expect(await joinWaitlist(database.db, { userId: waiting!.user.id, productId: product.id, prestationId: matin, dependantIds: [waiting!.dependants[0]!.id], dates: [day], now: T0 })).toEqual({ ok: true, entries: 1 });
    const entry = await database.db.selectFrom('waitlist_entries').select('id').where('user_id', '=', waiting!.user.id).executeTakeFirstOrThrow();
    const staff = (await database.db.selectFrom('users').select('id').where('role', '!=', 'parent').executeTakeFirst())?.id ?? holder!.user.id;
    const byHand = (now: Date) => offerByHand(database.db, { productId: product.id, entryId: entry.id, addPlace: true, staffId: staff, reason: 'Priorité', now });
    // The day after it: past every deadline.
    expect(await byHand(new Date(`${addDays(day, 1)}T08:00:00Z`))).toEqual({ ok: false, reason: 'too-late' });
    await database.db.updateTable('products').set({ closed_days: [day] }).where('id', '=', product.id).execute();
    expect(await byHand(T0)).toEqual({ ok: false, reason: 'closed' });
  });
});
