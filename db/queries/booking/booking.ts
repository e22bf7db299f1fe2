// Places for a dated product: what is left on each day, what a family already holds or booked,
// and holding places for a cart, all or nothing. Each slot counts its places taken (triggers keep
// the count, see migration 2026-12-03T1100_slot_taken_counter): the insert of a hold takes its
// place only if the day has room, in one conditional update, so two families never take the
// same last place and a cart holds the day's row for one statement, committed with it.
import { sql } from 'kysely';
import { readPricingRules, computePrice } from '../../../domain/pricing.ts';
import type { IsoDate } from '../../../domain/dates.ts';
import type { Db } from '../../connection.ts';
import { isUniqueViolation } from '../../errors.ts';
import { familyBasket, nextOrderNumber } from '../orders/index.ts';
import { registrationTerms } from '../registration/index.ts';

export async function productForBooking(db: Db, productId: number) {
  const product = await db
    .selectFrom('products')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .select([
      'products.id', 'products.name', 'products.kind', 'products.provider_label', 'products.commune_id', 'products.weekdays', 'products.season_start',
      'products.season_end', 'products.closed_days', 'products.booking_deadline_days', 'products.booking_deadline_hour', 'products.pricing', 'products.channel', 'communes.slug as commune_slug', 'communes.name as commune_name',
    ])
    .where('products.id', '=', productId)
    .where('products.published', '=', true)
    .executeTakeFirst();
  if (!product) return null;
  const prestations = await db.selectFrom('prestations').select(['id', 'label', 'price_cents']).where('product_id', '=', productId).orderBy('position').execute();
  return { ...product, rules: readPricingRules(product.pricing), prestations };
}

export type BookingProduct = NonNullable<Awaited<ReturnType<typeof productForBooking>>>;

/**
 * Places left per day for one prestation: capacity less the places taken, giving back those of
 * holds past their expiry that nothing has expired yet.
 */
export async function placesLeft(db: Db, prestationId: number, from: IsoDate, to: IsoDate, now: Date): Promise<Map<IsoDate, number>> {
  const rows = await db
    .selectFrom('slots')
    .select([
      'slots.service_date',
      sql<number>`slots.capacity - slots.taken
        + (select count(*) from holds where holds.slot_id = slots.id and holds.state = 'held' and holds.expires_at <= ${now})`.as('left'),
    ])
    .where('slots.prestation_id', '=', prestationId)
    .where('slots.service_date', '>=', from)
    .where('slots.service_date', '<=', to)
    .execute();
  return new Map(rows.map((row) => [row.service_date, Number(row.left)]));
}

/**
 * Of these days, those without room for `places` more, none of their places held past its expiry
 * (those would go back at the cart's insert): refused at once, before the cart's line.
 */
export async function daysAlreadyFull(db: Db, prestationId: number, dates: IsoDate[], places: number, now: Date): Promise<IsoDate[]> {
  if (dates.length === 0 || places <= 0) return [];
  const rows = await db
    .selectFrom('slots')
    .select('service_date')
    .where('prestation_id', '=', prestationId)
    .where('service_date', 'in', dates)
    .where(sql<boolean>`capacity - taken < ${places}`)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('holds').select('holds.id').whereRef('holds.slot_id', '=', 'slots.id').where('holds.state', '=', 'held').where('holds.expires_at', '<=', now))))
    .execute();
  return rows.map((row) => row.service_date);
}

/** The days each of these children already has (held or booked) for the product. */
export async function bookedDays(db: Db, productId: number, dependantIds: number[], from: IsoDate, to: IsoDate, now: Date): Promise<Map<number, Set<IsoDate>>> {
  const result = new Map<number, Set<IsoDate>>(dependantIds.map((id) => [id, new Set()]));
  if (dependantIds.length === 0) return result;
  const holds = db
    .selectFrom('holds')
    .select(['dependant_id', 'service_date'])
    .where('product_id', '=', productId)
    .where('dependant_id', 'in', dependantIds)
    .where('state', '=', 'held')
    .where('expires_at', '>', now)
    .where('service_date', '>=', from)
    .where('service_date', '<=', to);
  const reservations = db
    .selectFrom('reservations')
    .select(['dependant_id', 'service_date'])
    .where('product_id', '=', productId)
    .where('dependant_id', 'in', dependantIds)
    .where('state', '=', 'confirmed')
    .where('service_date', '>=', from)
    .where('service_date', '<=', to);
  for (const row of await holds.unionAll(reservations).execute()) result.get(row.dependant_id)?.add(row.service_date);
  return result;
}

export interface HoldRequest {
  userId: number;
  product: BookingProduct;
  prestationId: number;
  /** The chosen children, eldest first (sibling ranks follow that order). */
  children: { id: number }[];
  dates: IsoDate[];
  family: { quotientFamilial: number | null; communeId: number | null };
  now: Date;
  expiresAt: Date;
}

/** `registration`: the family's yearly dossier for that school year is not complete (`campaignId` names it). */
export type HoldFailure = { date: IsoDate; reason: 'full' | 'already-booked' | 'no-service' | 'registration'; campaignId?: number };

/** The places held, and the basket (the future order's number) of the cart they joined. */
export type HoldResult = { ok: true; holdIds: number[]; basket: string } | { ok: false; failures: HoldFailure[] };

class Refused extends Error {
  constructor(readonly failures: HoldFailure[]) {
    super('refused');
  }
}

/** The slots of these days, with their room by the count (holds past their expiry still in it). */
async function slotsOf(db: Db, productId: number, prestationId: number, dates: IsoDate[]) {
  return db
    .selectFrom('slots')
    .select(['id', 'service_date', sql<number>`capacity - taken`.as('room')])
    .where('prestation_id', '=', prestationId)
    .where('product_id', '=', productId)
    .where('service_date', 'in', dates)
    .execute();
}

/** Expires the holds of these slots past their expiry (their places go back); how many. */
async function expireStaleHolds(db: Db, slotIds: number[], now: Date): Promise<number> {
  if (slotIds.length === 0) return 0;
  const rows = await db.updateTable('holds').set({ state: 'expired', ended_at: now }).where('slot_id', 'in', slotIds).where('state', '=', 'held').where('expires_at', '<=', now).returning('id').execute();
  return rows.length;
}

/** The day named by a hold's insert that found it full (the trigger's SQLSTATE and detail). */
const fullDay = (error: unknown): IsoDate | null => {
  const pgError = error as { code?: string; detail?: string };
  return pgError?.code === 'PC001' && pgError.detail ? (pgError.detail as IsoDate) : null;
};

/** Holds one place per (child, date), all or nothing. */
export async function placeHolds(db: Db, request: HoldRequest): Promise<HoldResult> {
  const dates = [...new Set(request.dates)].sort();
  try {
    return { ok: true, ...(await takePlaces(db, request, dates)) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, failures: error.failures };
    // The same child added from two tabs at once: the unique index stops the second.
    if (isUniqueViolation(error, 'holds_one_per_child_day')) return { ok: false, failures: dates.map((date) => ({ date, reason: 'already-booked' })) };
    // The last place went between the count read and the insert: a race this parent lost.
    const day = fullDay(error);
    if (day) return { ok: false, failures: [{ date: day, reason: 'full' }] };
    throw error;
  }
}

// No transaction: what is read first only decides what to try (and the price), and the insert,
// one statement committed on its own, takes the places or none. Inside a transaction, the day's
// row would stay locked until the commit came back from a Node process that, on opening day, has
// hundreds of requests to serve: every cart for that day waited that long (281 ms a cart in the
// burst of 400 families, measured with the lock held to the commit).
async function takePlaces(db: Db, request: HoldRequest, dates: IsoDate[]): Promise<{ holdIds: number[]; basket: string }> {
  const { product, now } = request;
  const childIds = request.children.map((child) => child.id);
  // A hold past its expiry never blocks the same child booking again (and its place goes back
  // before the day's room is read).
  await db
    .updateTable('holds')
    .set({ state: 'expired', ended_at: now })
    .where('product_id', '=', product.id)
    .where('service_date', 'in', dates)
    .where('dependant_id', 'in', childIds)
    .where('state', '=', 'held')
    .where('expires_at', '<=', now)
    .execute();
  // Independent, so read at once.
  const [booked, familyThatDay, found, cartBasket, registration] = await Promise.all([
    bookedDays(db, product.id, childIds, dates[0]!, dates.at(-1)!, now),
    familyBookingsPerDay(db, request.userId, product.id, dates, now),
    slotsOf(db, product.id, request.prestationId, dates),
    familyBasket(db, request.userId, now),
    registrationTerms(db, request.userId, product.id, dates),
  ]);
  let slots = found;
  // A day full by the count may hold places whose holds expired unseen: they go back first.
  const short = slots.filter((slot) => slot.room < childIds.length).map((slot) => slot.id);
  if (short.length > 0 && (await expireStaleHolds(db, short, now)) > 0) slots = await slotsOf(db, product.id, request.prestationId, dates);
  const slotOf = new Map(slots.map((slot) => [slot.service_date, slot]));
  // Full days are refused without touching their row: on opening day most parents arrive after
  // the last place went, and need not wait behind those still buying.
  const failures = dates.flatMap((date): HoldFailure[] =>
    !slotOf.has(date) ? [{ date, reason: 'no-service' }]
    : childIds.some((id) => booked.get(id)?.has(date)) ? [{ date, reason: 'already-booked' }]
    : registration.days.get(date) === 'refused' ? [{ date, reason: 'registration', campaignId: registration.campaignId! }]
    : slotOf.get(date)!.room < childIds.length ? [{ date, reason: 'full' }]
    : [],
  );
  if (failures.length > 0) throw new Refused(failures);
  // A refused cart draws no number: three parents in four on opening day.
  const basket = cartBasket ?? (await nextOrderNumber(db, now));

  const basePrice = product.prestations.find((p) => p.id === request.prestationId)!.price_cents;
  const rows = dates.flatMap((date) =>
    childIds.map((childId, index) => {
      const price = computePrice({
        baseCents: basePrice,
        rules: product.rules,
        quotientFamilial: request.family.quotientFamilial,
        resident: request.family.communeId === product.commune_id,
        siblingRank: (familyThatDay.get(date) ?? 0) + index + 1,
        topTier: registration.days.get(date) === 'top-tier',
      });
      return {
        slot_id: slotOf.get(date)!.id,
        product_id: product.id,
        prestation_id: request.prestationId,
        service_date: date,
        dependant_id: childId,
        user_id: request.userId,
        price_cents: price.cents,
        price_note: price.note || null,
        expires_at: request.expiresAt,
        basket,
      };
    }),
  );
  // The insert takes the places, day by day in the slots' order (so carts never deadlock), and
  // fails as a whole if a day has no room left.
  rows.sort((a, b) => a.slot_id - b.slot_id);
  const inserted = await db.insertInto('holds').values(rows).returning('id').execute();
  return { holdIds: inserted.map((row) => row.id), basket };
}

async function familyBookingsPerDay(db: Db, userId: number, productId: number, dates: IsoDate[], now: Date): Promise<Map<IsoDate, number>> {
  const rows = await db
    .selectFrom('holds')
    .select('service_date')
    .where('user_id', '=', userId)
    .where('product_id', '=', productId)
    .where('service_date', 'in', dates)
    .where('state', '=', 'held')
    .where('expires_at', '>', now)
    .unionAll(
      db.selectFrom('reservations').select('service_date').where('user_id', '=', userId).where('product_id', '=', productId).where('service_date', 'in', dates).where('state', '=', 'confirmed'),
    )
    .execute();
  const counts = new Map<IsoDate, number>();
  for (const row of rows) counts.set(row.service_date, (counts.get(row.service_date) ?? 0) + 1);
  return counts;
}
