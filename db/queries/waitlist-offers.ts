// A day's waiting-list round, as its workflow runs it: each place free on the day is offered to the
// first family in its line (until the offer's deadline), and offers that ended are closed: booked
// when the family's order was paid, expired otherwise (the place, if still held, goes back).
import { bookingDeadline } from '../../domain/booking-calendar.ts';
import { offerDeadline } from '../../domain/waitlist.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { Db } from '../connection.ts';
import { productForBooking } from './booking.ts';
import { nextInLine, offerPlace } from './waitlist.ts';

export interface Round {
  /** The entries offered a place in this round. */
  offered: number[];
  /** When the earliest offer still open ends (ISO), or null. */
  nextDeadline: string | null;
  /** Families still waiting or offered: the workflow goes on while there are. */
  open: number;
}

/** Closes the offers that ended, then offers each free place to the next in line. */
export async function waitlistRound(db: Db, productId: number, day: IsoDate, now: Date): Promise<Round> {
  await closeEndedOffers(db, productId, day, now);
  const product = await productForBooking(db, productId);
  const offered: number[] = [];
  const deadline = product ? offerDeadline(now, await offerHours(db, productId), bookingDeadline(day, product.booking_deadline_days, product.booking_deadline_hour)) : null;
  if (!product || !deadline) {
    // Nobody can book the day any more: the line ends.
    await db.updateTable('waitlist_entries').set({ status: 'expired', ended_at: now }).where('product_id', '=', productId).where('service_date', '=', day).where('status', '=', 'waiting').execute();
  } else {
    const slots = await db.selectFrom('slots').select(['id', 'prestation_id']).where('product_id', '=', productId).where('service_date', '=', day).execute();
    for (const slot of slots) {
      for (;;) {
        const next = await nextInLine(db, slot.id);
        if (!next) break;
        const family = await db.selectFrom('users').select(['quotient_familial', 'commune_id']).where('id', '=', next.user_id).executeTakeFirstOrThrow();
        const result = await offerPlace(db, { entryId: next.id, product, prestationId: slot.prestation_id, until: deadline, now, family: { quotientFamilial: family.quotient_familial, communeId: family.commune_id } });
        if (result.ok) offered.push(next.id);
        else if (result.reason === 'full') break;
      }
    }
  }
  const open = await db
    .selectFrom('waitlist_entries')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('offered_until').as('next')])
    .where('product_id', '=', productId)
    .where('service_date', '=', day)
    .where('status', 'in', ['waiting', 'offered'])
    .executeTakeFirstOrThrow();
  return { offered, nextDeadline: open.next ? new Date(open.next as Date).toISOString() : null, open: Number(open.n) };
}

async function offerHours(db: Db, productId: number): Promise<number> {
  return (await db.selectFrom('products').select('waitlist_offer_hours').where('id', '=', productId).executeTakeFirstOrThrow()).waitlist_offer_hours;
}

/** Offers whose hold became a reservation are booked; those past their deadline or whose hold ended expire. */
async function closeEndedOffers(db: Db, productId: number, day: IsoDate, now: Date): Promise<void> {
  const offers = await db
    .selectFrom('waitlist_entries')
    .innerJoin('holds', 'holds.id', 'waitlist_entries.offer_hold_id')
    .select(['waitlist_entries.id', 'waitlist_entries.offered_until', 'holds.id as holdId', 'holds.state'])
    .where('waitlist_entries.product_id', '=', productId)
    .where('waitlist_entries.service_date', '=', day)
    .where('waitlist_entries.status', '=', 'offered')
    .execute();
  for (const offer of offers) {
    if (offer.state === 'confirmed') {
      await db.updateTable('waitlist_entries').set({ status: 'booked', ended_at: now }).where('id', '=', offer.id).execute();
    } else if (offer.state !== 'held' || (offer.offered_until && offer.offered_until.getTime() <= now.getTime())) {
      await endOffer(db, offer.id, offer.holdId, now);
    }
  }
}

/**
 * Ends an offer whose time is over, unless its place went into an order meanwhile (the order being
 * paid keeps it). The hold's row is locked first: « Commander » locks it too, so the order is
 * either seen here or made after the place went back.
 */
async function endOffer(db: Db, entryId: number, holdId: number, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const hold = await trx.selectFrom('holds').select('state').where('id', '=', holdId).forUpdate().executeTakeFirstOrThrow();
    const inOrder = await trx.selectFrom('order_lines').select('id').where('hold_id', '=', holdId).executeTakeFirst();
    if (hold.state === 'held' && inOrder) return;
    if (hold.state === 'confirmed') {
      await trx.updateTable('waitlist_entries').set({ status: 'booked', ended_at: now }).where('id', '=', entryId).execute();
      return;
    }
    if (hold.state === 'held') await trx.updateTable('holds').set({ state: 'expired', ended_at: now }).where('id', '=', holdId).execute();
    await trx.updateTable('waitlist_entries').set({ status: 'expired', ended_at: now }).where('id', '=', entryId).where('status', '=', 'offered').execute();
  });
}

/** What the mail of an offer says: to whom, for which child, day and product, until when. */
export function offerMailFacts(db: Db, entryId: number) {
  return db
    .selectFrom('waitlist_entries')
    .innerJoin('users', 'users.id', 'waitlist_entries.user_id')
    .innerJoin('dependants', 'dependants.id', 'waitlist_entries.dependant_id')
    .innerJoin('products', 'products.id', 'waitlist_entries.product_id')
    .select(['users.email', 'users.first_name', 'dependants.first_name as child', 'products.name as product', 'waitlist_entries.service_date', 'waitlist_entries.offered_until'])
    .where('waitlist_entries.id', '=', entryId)
    .executeTakeFirstOrThrow();
}
