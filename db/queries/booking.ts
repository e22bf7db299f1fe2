// Places for a dated product: what is left on each day, what a family already holds or booked,
// and holding places for a cart, all or nothing, under a lock on the day's slot rows so that two
// families never take the same last place.
import { sql } from 'kysely';
import { readPricingRules, computePrice } from '../../domain/pricing.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { Db } from '../connection.ts';
import { isUniqueViolation } from '../errors.ts';

export async function productForBooking(db: Db, productId: number) {
  const product = await db
    .selectFrom('products')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .select([
      'products.id', 'products.name', 'products.kind', 'products.provider_label', 'products.commune_id', 'products.weekdays', 'products.season_start',
      'products.season_end', 'products.closed_days', 'products.booking_deadline_days', 'products.booking_deadline_hour', 'products.pricing', 'products.channel', 'communes.slug as commune_slug',
    ])
    .where('products.id', '=', productId)
    .where('products.published', '=', true)
    .executeTakeFirst();
  if (!product) return null;
  const prestations = await db.selectFrom('prestations').select(['id', 'label', 'price_cents']).where('product_id', '=', productId).orderBy('position').execute();
  return { ...product, rules: readPricingRules(product.pricing), prestations };
}

export type BookingProduct = NonNullable<Awaited<ReturnType<typeof productForBooking>>>;

/** Places left per day for one prestation: capacity minus live holds and confirmed reservations. */
export async function placesLeft(db: Db, prestationId: number, from: IsoDate, to: IsoDate, now: Date): Promise<Map<IsoDate, number>> {
  const rows = await db
    .selectFrom('slots')
    .select((eb) => [
      'slots.service_date',
      sql<number>`slots.capacity
        - (select count(*) from holds where holds.slot_id = slots.id and holds.state = 'held' and holds.expires_at > ${now})
        - (select count(*) from reservations where reservations.slot_id = slots.id and reservations.state = 'confirmed')`.as('left'),
    ])
    .where('slots.prestation_id', '=', prestationId)
    .where('slots.service_date', '>=', from)
    .where('slots.service_date', '<=', to)
    .execute();
  return new Map(rows.map((row) => [row.service_date, Number(row.left)]));
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

export type HoldFailure = { date: IsoDate; reason: 'full' | 'already-booked' | 'no-service' };

export type HoldResult = { ok: true; holdIds: number[] } | { ok: false; failures: HoldFailure[] };

class Refused extends Error {
  constructor(readonly failures: HoldFailure[]) {
    super('refused');
  }
}

/** Holds one place per (child, date), all or nothing. */
export async function placeHolds(db: Db, request: HoldRequest): Promise<HoldResult> {
  const { product, now } = request;
  const childIds = request.children.map((child) => child.id);
  const dates = [...new Set(request.dates)].sort();
  try {
    const holdIds = await db.transaction().execute(async (trx) => {
      // First what only this family's carts change (its children's own holds): read before the
      // day's lock, so that the lock, which every family booking that day waits for, is held
      // for three statements only. Two tabs of one family racing are stopped by the unique index.
      // A hold past its expiry never blocks a place, nor the same child booking again.
      await trx
        .updateTable('holds')
        .set({ state: 'expired', ended_at: now })
        .where('product_id', '=', product.id)
        .where('service_date', 'in', dates)
        .where('dependant_id', 'in', childIds)
        .where('state', '=', 'held')
        .where('expires_at', '<=', now)
        .execute();
      const booked = await bookedDays(trx, product.id, childIds, dates[0]!, dates.at(-1)!, now);
      const familyThatDay = await familyBookingsPerDay(trx, request.userId, product.id, dates, now);
      // Days already full are refused without queueing for their lock: on opening day most
      // parents arrive after the last place went, and need not wait behind those still buying.
      // (A place freed this very moment is a race the parent loses as if a moment late.)
      const refusals = (left: Map<IsoDate, number>): HoldFailure[] =>
        dates.flatMap((date): HoldFailure[] =>
          !left.has(date) ? [{ date, reason: 'no-service' }]
          : childIds.some((id) => booked.get(id)?.has(date)) ? [{ date, reason: 'already-booked' }]
          : left.get(date)! < childIds.length ? [{ date, reason: 'full' }]
          : [],
        );
      const early = refusals(await placesLeft(trx, request.prestationId, dates[0]!, dates.at(-1)!, now));
      if (early.some((failure) => failure.reason === 'full')) throw new Refused(early);

      // Locks taken in a fixed order (by id), so concurrent carts never deadlock. "No key update":
      // carts still queue one behind the other, but the reservations of orders being confirmed
      // (whose foreign key reads the slot) do not wait behind them.
      const slots = await trx
        .selectFrom('slots')
        .select(['id', 'service_date', 'capacity'])
        .where('prestation_id', '=', request.prestationId)
        .where('product_id', '=', product.id)
        .where('service_date', 'in', dates)
        .orderBy('id')
        .forNoKeyUpdate()
        .execute();
      const slotOf = new Map(slots.map((slot) => [slot.service_date, slot]));
      // Under the lock, the count that decides (a day without a slot has no count: no service).
      const failures = refusals(await placesLeft(trx, request.prestationId, dates[0]!, dates.at(-1)!, now));
      const rows = [];
      for (const date of dates) {
        if (failures.some((failure) => failure.date === date) || !slotOf.has(date)) continue;
        for (const [index, childId] of childIds.entries()) {
          const price = computePrice({
            baseCents: product.prestations.find((p) => p.id === request.prestationId)!.price_cents,
            rules: product.rules,
            quotientFamilial: request.family.quotientFamilial,
            resident: request.family.communeId === product.commune_id,
            siblingRank: (familyThatDay.get(date) ?? 0) + index + 1,
          });
          rows.push({
            slot_id: slotOf.get(date)!.id,
            product_id: product.id,
            prestation_id: request.prestationId,
            service_date: date,
            dependant_id: childId,
            user_id: request.userId,
            price_cents: price.cents,
            price_note: price.note || null,
            expires_at: request.expiresAt,
          });
        }
      }
      if (failures.length > 0) throw new Refused(failures.sort((a, b) => a.date.localeCompare(b.date)));
      const inserted = await trx.insertInto('holds').values(rows).returning('id').execute();
      return inserted.map((row) => row.id);
    });
    return { ok: true, holdIds };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, failures: error.failures };
    // The same child added from two tabs at once: the unique index stops the second.
    if (isUniqueViolation(error, 'holds_one_per_child_day')) return { ok: false, failures: dates.map((date) => ({ date, reason: 'already-booked' })) };
    throw error;
  }
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
