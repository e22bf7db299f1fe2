// The waiting lists of full days: a family joins for its children (only a day without room), sees
// its place in each line and leaves; the first in line is offered a freed place, which becomes a
// hold in the family's cart, priced by the product's rules, held until the offer's deadline.
import { sql } from 'kysely';
import { bookingDeadline } from '../../../domain/booking-calendar.ts';
import type { IsoDate } from '../../../domain/dates.ts';
import { offerDeadline } from '../../../domain/waitlist.ts';
import type { Db } from '../../connection.ts';
import { isUniqueViolation } from '../../errors.ts';
import { placeHolds, productForBooking, type BookingProduct } from '../booking/index.ts';
import { othersWeekDays } from '../guardians/index.ts';

/**
 * A line's order (entries `e`, their product `p`, their family `u`): by arrival, or the rank staff
 * gave, the commune's residents first when the product says so.
 */
export const LINE_ORDER = sql`case when p.waitlist_residents_first and u.commune_id is distinct from p.commune_id then 1 else 0 end, e.rank_at, e.id`;

export type JoinResult = { ok: true; entries: number } | { ok: false; error: string };

/** Puts the children in the line of each day chosen; refused for a day that still has room (it can be booked). */
export async function joinWaitlist(db: Db, input: { userId: number; productId: number; prestationId: number; dependantIds: number[]; dates: IsoDate[]; now: Date }): Promise<JoinResult> {
  if (input.dependantIds.length === 0 || input.dates.length === 0) return { ok: false, error: 'Choisissez les enfants et les jours complets.' };
  const slots = await db
    .selectFrom('slots')
    .select(['id', 'service_date', sql<number>`capacity - taken`.as('room')])
    .where('prestation_id', '=', input.prestationId)
    .where('product_id', '=', input.productId)
    .where('service_date', 'in', input.dates)
    .execute();
  if (slots.length !== new Set(input.dates).size) return { ok: false, error: 'Un des jours choisis n’a pas de service.' };
  const open = slots.find((slot) => slot.room >= input.dependantIds.length);
  if (open) return { ok: false, error: `Le ${open.service_date} a encore de la place : réservez-le directement.` };
  try {
    const rows = slots.flatMap((slot) =>
      input.dependantIds.map((dependantId) => ({ slot_id: slot.id, product_id: input.productId, service_date: slot.service_date, dependant_id: dependantId, user_id: input.userId, joined_at: input.now, rank_at: input.now })),
    );
    await db.insertInto('waitlist_entries').values(rows).execute();
    return { ok: true, entries: rows.length };
  } catch (error) {
    if (isUniqueViolation(error, 'waitlist_one_per_child_slot')) return { ok: false, error: 'Un de ces enfants attend déjà ce jour.' };
    throw error;
  }
}

/** The family's entries still waiting or offered, with their place in each line (1 = next). */
export async function familyWaitlist(db: Db, userId: number) {
  const { rows } = await sql<{ id: number; slot_id: number; service_date: IsoDate; status: 'waiting' | 'offered'; position: number | null; offered_until: Date | null; child: string; product: string }>`
    with line as (
      select e.id, row_number() over (partition by e.slot_id order by ${LINE_ORDER})::int as position
      from waitlist_entries e
      join products p on p.id = e.product_id
      join users u on u.id = e.user_id
      where e.status = 'waiting' and e.slot_id in (select slot_id from waitlist_entries where user_id = ${userId} and status = 'waiting')
    )
    select e.id, e.slot_id, e.service_date::text as service_date, e.status, line.position, e.offered_until, d.first_name as child, p.name as product
    from waitlist_entries e
    join dependants d on d.id = e.dependant_id
    join products p on p.id = e.product_id
    left join line on line.id = e.id
    where e.user_id = ${userId} and e.status in ('waiting', 'offered')
    order by e.service_date, e.id`.execute(db);
  return rows;
}

/** The first family in the day's line, by the product's order; undefined when nobody waits. */
export async function nextInLine(db: Db, slotId: number) {
  return db
    .selectFrom('waitlist_entries as e')
    .innerJoin('products as p', 'p.id', 'e.product_id')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.id', 'e.user_id', 'e.dependant_id', 'e.product_id', 'e.service_date'])
    .where('e.slot_id', '=', slotId)
    .where('e.status', '=', 'waiting')
    .orderBy(LINE_ORDER)
    .limit(1)
    .executeTakeFirst();
}

/**
 * An offer made `now` for the day: the product as the cart prices it, and until when the place is
 * held (the product's hours, cut at the day's booking deadline); or why nobody can book the day any
 * more: it is closed (a strike, a closure), or past its deadline (or the product is gone).
 */
export async function offerTerms(db: Db, productId: number, day: IsoDate, now: Date): Promise<{ product: BookingProduct; until: Date } | 'closed' | 'too-late'> {
  const product = await productForBooking(db, productId);
  if (!product) return 'too-late';
  if (product.closed_days.includes(day)) return 'closed';
  const { waitlist_offer_hours: hours } = await db.selectFrom('products').select('waitlist_offer_hours').where('id', '=', productId).executeTakeFirstOrThrow();
  const until = offerDeadline(now, hours, bookingDeadline(day, product.booking_deadline_days, product.booking_deadline_hour));
  return until ? { product, until } : 'too-late';
}

export type OfferResult = { ok: true; holdId: number; basket: string } | { ok: false; reason: 'full' | 'gone' };

/**
 * Offers a freed place to the entry's family: a hold in its cart, priced as the cart would for
 * that family, until `until`. 'full' when the place went meanwhile; 'gone' when the entry no
 * longer waits or the child already has the day.
 */
export async function offerPlace(db: Db, input: { entryId: number; product: BookingProduct; prestationId: number; until: Date; now: Date }): Promise<OfferResult> {
  const entry = await db
    .selectFrom('waitlist_entries')
    .innerJoin('users', 'users.id', 'waitlist_entries.user_id')
    .select(['waitlist_entries.id', 'waitlist_entries.status', 'waitlist_entries.user_id', 'waitlist_entries.dependant_id', 'waitlist_entries.service_date', 'users.quotient_familial', 'users.commune_id'])
    .where('waitlist_entries.id', '=', input.entryId)
    .executeTakeFirst();
  if (!entry || entry.status !== 'waiting') return { ok: false, reason: 'gone' };
  // Alternate weeks the guardians agreed after the family joined: the other guardian's day is not
  // theirs to be offered (the cart would refuse it too).
  if ((await othersWeekDays(db, { userId: entry.user_id, productId: input.product.id, dependantIds: [entry.dependant_id], days: [entry.service_date] })).length > 0) {
    await db.updateTable('waitlist_entries').set({ status: 'left', ended_at: input.now }).where('id', '=', entry.id).where('status', '=', 'waiting').execute();
    return { ok: false, reason: 'gone' };
  }
  const held = await placeHolds(db, {
    userId: entry.user_id,
    product: input.product,
    prestationId: input.prestationId,
    children: [{ id: entry.dependant_id }],
    dates: [entry.service_date],
    family: { quotientFamilial: entry.quotient_familial, communeId: entry.commune_id },
    now: input.now,
    expiresAt: input.until,
  });
  if (!held.ok) {
    if (held.failures.some((failure) => failure.reason === 'full')) return { ok: false, reason: 'full' };
    await db.updateTable('waitlist_entries').set({ status: 'left', ended_at: input.now }).where('id', '=', entry.id).where('status', '=', 'waiting').execute();
    return { ok: false, reason: 'gone' };
  }
  const holdId = held.holdIds[0]!;
  await db.updateTable('waitlist_entries').set({ status: 'offered', offer_hold_id: holdId, offered_until: input.until }).where('id', '=', entry.id).execute();
  return { ok: true, holdId, basket: held.basket };
}

/** The family leaves the line (an offer it holds is declined: its place goes back); the line's product and day, or null. */
export async function leaveWaitlist(db: Db, userId: number, entryId: number, now: Date): Promise<{ productId: number; day: IsoDate } | null> {
  return db.transaction().execute(async (trx) => {
    const entry = await trx.selectFrom('waitlist_entries').select(['status', 'offer_hold_id', 'product_id', 'service_date']).where('id', '=', entryId).where('user_id', '=', userId).forUpdate().executeTakeFirst();
    if (!entry || (entry.status !== 'waiting' && entry.status !== 'offered')) return null;
    if (entry.offer_hold_id !== null) await trx.updateTable('holds').set({ state: 'released', ended_at: now }).where('id', '=', entry.offer_hold_id).where('state', '=', 'held').execute();
    await trx.updateTable('waitlist_entries').set({ status: entry.status === 'offered' ? 'declined' : 'left', ended_at: now }).where('id', '=', entryId).execute();
    return { productId: entry.product_id, day: entry.service_date };
  });
}

/** The product and day of a slot (or of a reservation's or a hold's slot) when families wait for it: its waiting list is woken. */
export async function waitedDay(db: Db, place: { slotId: number } | { reservationId: number } | { holdId: number }): Promise<{ productId: number; day: IsoDate } | null> {
  const slotId =
    'slotId' in place ? place.slotId
    : 'reservationId' in place ? (await db.selectFrom('reservations').select('slot_id').where('id', '=', place.reservationId).executeTakeFirst())?.slot_id
    : (await db.selectFrom('holds').select('slot_id').where('id', '=', place.holdId).executeTakeFirst())?.slot_id;
  if (slotId === undefined) return null;
  const row = await db.selectFrom('waitlist_entries').select(['product_id', 'service_date']).where('slot_id', '=', slotId).where('status', '=', 'waiting').limit(1).executeTakeFirst();
  return row ? { productId: row.product_id, day: row.service_date } : null;
}
