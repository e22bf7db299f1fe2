// Editing a product after its creation: its text, channel, deadlines and pricing rules; a longer season
// and a new prestation, whose days are generated like the first ones; a service day closed or
// reopened from the calendar. A day with bookings is never closed here: an exceptional closure
// (db/queries/closures/closures.ts) cancels and refunds them. Every change is audited with before and after.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../connection.ts';
import type { Database, DocumentKind, ProductCategory } from '../../database.ts';
import { addDays, isoWeekday, type IsoDate } from '../../../domain/dates.ts';
import { readPricingRules, type PricingRules } from '../../../domain/pricing.ts';
import { schoolClosedDays, serviceDays } from '../../../domain/school-year.ts';
import { isUniqueViolation } from '../../errors.ts';
import { recordAudit } from '../staff/index.ts';
import { addSlots, takenPlaces } from './catalogue-admin.ts';

export interface ProductDetails {
  category: ProductCategory;
  name: string;
  description: string;
  deadlineDays: number;
  deadlineHour: number;
  cancelDeadlineDays: number;
  cancelDeadlineHour: number;
  absenceDeclareHours: number;
  absenceCertificateDays: number;
  waitlistOfferHours: number;
  waitlistResidentsFirst: boolean;
  channel: 'online' | 'mairie';
  rules: PricingRules;
  requiredDocuments: DocumentKind[];
}

export async function productDetails(db: Db, productId: number) {
  const row = await db
    .selectFrom('products')
    .select([
      'category', 'name', 'description', 'booking_deadline_days', 'booking_deadline_hour', 'cancel_deadline_days', 'cancel_deadline_hour', 'absence_declare_hours', 'absence_certificate_days', 'channel', 'pricing', 'required_documents', 'weekdays',
      'waitlist_offer_hours', 'waitlist_residents_first',
      'season_start', 'season_end', 'closed_days', 'published',
    ])
    .where('id', '=', productId)
    .executeTakeFirstOrThrow();
  return { ...row, rules: readPricingRules(row.pricing) };
}

/** Saves the product's text, deadlines and pricing rules; 'name-taken' when the commune has another of that name. */
export async function updateProductDetails(db: Db, productId: number, details: ProductDetails, staffId: number): Promise<'name-taken' | void> {
  try {
    await db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('products')
        .select([
          'category', 'name', 'description', 'booking_deadline_days as deadlineDays', 'booking_deadline_hour as deadlineHour', 'cancel_deadline_days as cancelDeadlineDays',
          'cancel_deadline_hour as cancelDeadlineHour', 'absence_declare_hours as absenceDeclareHours', 'absence_certificate_days as absenceCertificateDays',
          'waitlist_offer_hours as waitlistOfferHours', 'waitlist_residents_first as waitlistResidentsFirst',
          'channel', 'pricing', 'required_documents as requiredDocuments',
        ])
        .where('id', '=', productId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('products')
        .set({
          category: details.category, name: details.name, description: details.description, booking_deadline_days: details.deadlineDays,
          booking_deadline_hour: details.deadlineHour, cancel_deadline_days: details.cancelDeadlineDays, cancel_deadline_hour: details.cancelDeadlineHour,
          absence_declare_hours: details.absenceDeclareHours, absence_certificate_days: details.absenceCertificateDays,
          waitlist_offer_hours: details.waitlistOfferHours, waitlist_residents_first: details.waitlistResidentsFirst,
          channel: details.channel, pricing: JSON.stringify(details.rules), required_documents: details.requiredDocuments,
        })
        .where('id', '=', productId)
        .execute();
      const { pricing, ...rest } = before;
      await recordAudit(trx, { actorId: staffId, action: 'product.updated', subject: { type: 'product', id: productId }, details: { before: { ...rest, rules: readPricingRules(pricing) }, after: details } });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'products_commune_name_key')) return 'name-taken';
    throw error;
  }
}

/** The usual places of a prestation's day (its most frequent capacity), for days added later. */
async function usualCapacity(trx: Transaction<Database>, prestationId: number): Promise<number | undefined> {
  const row = await trx
    .selectFrom('slots')
    .select(sql<number>`mode() within group (order by capacity)`.as('capacity'))
    .where('prestation_id', '=', prestationId)
    .executeTakeFirst();
  return row?.capacity ?? undefined;
}

/** Moves the season's end later; the new days get each prestation's usual places. */
export async function extendSeason(db: Db, input: { productId: number; end: IsoDate; schoolTime: boolean; staffId: number }): Promise<{ ok: true; days: number } | { ok: false; reason: 'not-later' }> {
  return db.transaction().execute(async (trx) => {
    const product = await trx.selectFrom('products').select(['season_end', 'weekdays', 'closed_days']).where('id', '=', input.productId).forUpdate().executeTakeFirstOrThrow();
    if (input.end <= product.season_end) return { ok: false, reason: 'not-later' };
    const added = { start: addDays(product.season_end, 1), end: input.end };
    const closed = input.schoolTime ? schoolClosedDays(added) : [];
    const days = serviceDays(added, product.weekdays, closed);
    await trx
      .updateTable('products')
      .set({ season_end: input.end, closed_days: sql<IsoDate[]>`array(select distinct unnest(closed_days || ${closed}::date[]) order by 1)` })
      .where('id', '=', input.productId)
      .execute();
    const prestations = await trx.selectFrom('prestations').select('id').where('product_id', '=', input.productId).execute();
    for (const prestation of prestations) await addSlots(trx, input.productId, prestation.id, days, (await usualCapacity(trx, prestation.id)) ?? 0);
    await recordAudit(trx, { actorId: input.staffId, action: 'product.season', subject: { type: 'product', id: input.productId }, details: { before: product.season_end, after: input.end, days: days.length } });
    return { ok: true, days: days.length };
  });
}

/** A new prestation with its price and places on every open service day from `from` to the season's end. */
export async function addPrestation(db: Db, input: { productId: number; label: string; priceCents: number; capacity: number; from: IsoDate; staffId: number }): Promise<'label-taken' | void> {
  try {
    await db.transaction().execute(async (trx) => {
      const product = await trx.selectFrom('products').select(['season_start', 'season_end', 'weekdays', 'closed_days']).where('id', '=', input.productId).forUpdate().executeTakeFirstOrThrow();
      const { position } = await trx.selectFrom('prestations').select(sql<number>`coalesce(max(position) + 1, 0)::int`.as('position')).where('product_id', '=', input.productId).executeTakeFirstOrThrow();
      const prestation = await trx
        .insertInto('prestations')
        .values({ product_id: input.productId, label: input.label, price_cents: input.priceCents, position })
        .returning('id')
        .executeTakeFirstOrThrow();
      const start = input.from > product.season_start ? input.from : product.season_start;
      const days = serviceDays({ start, end: product.season_end }, product.weekdays, product.closed_days);
      await addSlots(trx, input.productId, prestation.id, days, input.capacity);
      await recordAudit(trx, { actorId: input.staffId, action: 'product.prestation', subject: { type: 'product', id: input.productId }, details: { label: input.label, priceCents: input.priceCents, capacity: input.capacity, days: days.length } });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'prestations_product_label_key')) return 'label-taken';
    throw error;
  }
}

export type DayChange = { ok: true } | { ok: false; reason: 'not-a-service-day' } | { ok: false; reason: 'booked'; taken: number };

/**
 * Closes a service day without bookings, or reopens one (its missing places created at each
 * prestation's usual capacity). The day's slot rows are locked as a booking locks them.
 */
export async function setDayOpen(db: Db, input: { productId: number; day: IsoDate; open: boolean; staffId: number; now: Date }): Promise<DayChange> {
  return db.transaction().execute(async (trx) => {
    const product = await trx.selectFrom('products').select(['season_start', 'season_end', 'weekdays', 'closed_days']).where('id', '=', input.productId).forUpdate().executeTakeFirstOrThrow();
    if (!product.weekdays.includes(isoWeekday(input.day)) || input.day < product.season_start || input.day > product.season_end) {
      return { ok: false, reason: 'not-a-service-day' };
    }
    if (input.open) {
      await trx.updateTable('products').set({ closed_days: sql<IsoDate[]>`array_remove(closed_days, ${input.day}::date)` }).where('id', '=', input.productId).execute();
      const prestations = await trx.selectFrom('prestations').select('id').where('product_id', '=', input.productId).execute();
      for (const prestation of prestations) await addSlots(trx, input.productId, prestation.id, [input.day], (await usualCapacity(trx, prestation.id)) ?? 0);
    } else {
      // Locks the day's slots as a booking does, so no place is taken between the count and the close.
      await trx.selectFrom('slots').select('id').where('product_id', '=', input.productId).where('service_date', '=', input.day).forUpdate().execute();
      const { taken } = await trx
        .selectFrom('slots')
        .select(sql<number>`coalesce(sum(${takenPlaces(input.now)}), 0)::int`.as('taken'))
        .where('product_id', '=', input.productId)
        .where('service_date', '=', input.day)
        .executeTakeFirstOrThrow();
      if (taken > 0) return { ok: false, reason: 'booked', taken };
      await trx
        .updateTable('products')
        .set({ closed_days: sql<IsoDate[]>`array(select distinct unnest(closed_days || array[${input.day}::date]) order by 1)` })
        .where('id', '=', input.productId)
        .execute();
    }
    await recordAudit(trx, { actorId: input.staffId, action: input.open ? 'product.day-opened' : 'product.day-closed', subject: { type: 'product', id: input.productId }, details: { day: input.day } });
    return { ok: true };
  });
}

/**
 * The product's days of a month: each service day's children booked (a child holds one prestation
 * a day), and whether every prestation of the day is full: places are counted per prestation, so
 * the day's places are never one figure.
 */
export async function monthDays(db: Db, productId: number, month: string, now: Date) {
  return db
    .selectFrom('slots')
    .select([
      'service_date as day',
      sql<number>`sum(${takenPlaces(now)})::int`.as('taken'),
      sql<boolean>`bool_and(capacity <= ${takenPlaces(now)})`.as('full'),
    ])
    .where('product_id', '=', productId)
    .where(sql<string>`to_char(service_date, 'YYYY-MM')`, '=', month)
    .groupBy('service_date')
    .orderBy('service_date')
    .execute();
}
