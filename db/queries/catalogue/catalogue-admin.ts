// The catalogue on the commune's side: a product created with its prestations, prices and the
// days its rules give (season, weekdays, closed days), unpublished until staff publish it; the
// places of each day changed one by one, never below what is already taken. Prices live on the
// prestation and are copied into each hold and reservation, so a new price never changes what was
// paid. Every change is audited.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import type { ProductCategory } from '../../database.ts';
import { serviceDays, schoolClosedDays } from '../../../domain/school-year.ts';
import type { IsoDate } from '../../../domain/dates.ts';
import type { PricingRules } from '../../../domain/pricing.ts';
import { isUniqueViolation } from '../../errors.ts';
import { recordAudit } from '../staff/index.ts';

/** Places taken on the slot of the row (`slots`): confirmed reservations and live holds. */
export const takenPlaces = (now: Date) =>
  sql<number>`((select count(*)::int from reservations r where r.slot_id = slots.id and r.state = 'confirmed')
    + (select count(*)::int from holds h where h.slot_id = slots.id and h.state = 'held' and h.expires_at > ${now}))`;

/** A prestation's places on each of the days, by thousands; a day it already has is left as it is. */
export async function addSlots(trx: Db, productId: number, prestationId: number, days: IsoDate[], capacity: number): Promise<void> {
  const rows = days.map((day) => ({ product_id: productId, prestation_id: prestationId, service_date: day, capacity }));
  for (let i = 0; i < rows.length; i += 1000) {
    await trx.insertInto('slots').values(rows.slice(i, i + 1000)).onConflict((oc) => oc.columns(['prestation_id', 'service_date']).doNothing()).execute();
  }
}

export interface NewProduct {
  communeId: number;
  offerId: number;
  category: ProductCategory;
  name: string;
  description: string;
  weekdays: number[];
  seasonStart: IsoDate;
  seasonEnd: IsoDate;
  /** School-time services close on public holidays and at Christmas. */
  schoolTime: boolean;
  capacity: number;
  deadlineDays: number;
  deadlineHour: number;
  cancelDeadlineDays: number;
  cancelDeadlineHour: number;
  absenceDeclareHours: number;
  absenceCertificateDays: number;
  waitlistOfferHours: number;
  waitlistResidentsFirst: boolean;
  channel: 'online' | 'mairie';
  prestations: { label: string; priceCents: number }[];
  /** Quotient familial tiers, the rate for other communes, sibling reductions: set from the start. */
  rules?: PricingRules;
  staffId: number;
}

/** The product's id, or 'name-taken' when the commune has one of that name. */
export async function createProduct(db: Db, input: NewProduct): Promise<number | 'name-taken'> {
  try {
    return await db.transaction().execute(async (trx) => {
      const closedDays = input.schoolTime ? schoolClosedDays({ start: input.seasonStart, end: input.seasonEnd }) : [];
      const product = await trx
        .insertInto('products')
        .values({
          commune_id: input.communeId, name: input.name, provider_label: '', description: input.description, category: input.category, kind: 'dated',
          weekdays: input.weekdays, season_start: input.seasonStart, season_end: input.seasonEnd, closed_days: closedDays,
          booking_deadline_days: input.deadlineDays, booking_deadline_hour: input.deadlineHour,
          cancel_deadline_days: input.cancelDeadlineDays, cancel_deadline_hour: input.cancelDeadlineHour, channel: input.channel, published: false,
          absence_declare_hours: input.absenceDeclareHours, absence_certificate_days: input.absenceCertificateDays,
          waitlist_offer_hours: input.waitlistOfferHours, waitlist_residents_first: input.waitlistResidentsFirst,
          ...(input.rules ? { pricing: JSON.stringify(input.rules) } : {}),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('product_offers').values({ product_id: product.id, service_offer_id: input.offerId }).execute();
      const prestations = await trx
        .insertInto('prestations')
        .values(input.prestations.map((p, position) => ({ product_id: product.id, label: p.label, price_cents: p.priceCents, position })))
        .returning('id')
        .execute();
      const days = serviceDays({ start: input.seasonStart, end: input.seasonEnd }, input.weekdays, closedDays);
      for (const prestation of prestations) await addSlots(trx, product.id, prestation.id, days, input.capacity);
      await recordAudit(trx, { actorId: input.staffId, action: 'product.created', subject: { type: 'product', id: product.id }, details: { name: input.name, days: days.length, prestations: input.prestations, ...(input.rules ? { rules: input.rules } : {}) } });
      return product.id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'products_commune_name_key')) return 'name-taken';
    throw error;
  }
}

export function productsForStaff(db: Db, communeIds: number[]) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('products')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .select(['products.id', 'products.name', 'products.category', 'products.published', 'products.season_start', 'products.season_end', 'communes.name as commune'])
    .where('products.commune_id', 'in', communeIds)
    .orderBy('communes.name')
    .orderBy('products.name')
    .execute();
}

/** The service offers of these communes, one of which opens a new product. */
export function offersOfCommunes(db: Db, communeIds: number[]) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_offers')
    .innerJoin('communes', 'communes.id', 'service_offers.commune_id')
    .select(['service_offers.id', 'service_offers.label', 'service_offers.commune_id', 'communes.name as commune'])
    .where('service_offers.commune_id', 'in', communeIds)
    .orderBy('communes.name')
    .orderBy('service_offers.position')
    .execute();
}

export async function setPublished(db: Db, productId: number, published: boolean, staffId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('products').set({ published }).where('id', '=', productId).execute();
    await recordAudit(trx, { actorId: staffId, action: published ? 'product.published' : 'product.unpublished', subject: { type: 'product', id: productId }, details: {} });
  });
}

/** Each prestation's places on each service day between the two days, and how many are taken. */
export function capacityGrid(db: Db, productId: number, from: IsoDate, to: IsoDate, now: Date) {
  return db
    .selectFrom('slots')
    .innerJoin('prestations', 'prestations.id', 'slots.prestation_id')
    .select([
      'slots.id', 'slots.service_date as day', 'slots.capacity', 'prestations.id as prestationId', 'prestations.label as prestation', 'prestations.price_cents as priceCents',
takenPlaces(now).as('taken'),
    ])
    .where('slots.product_id', '=', productId)
    .where('slots.service_date', '>=', from)
    .where('slots.service_date', '<=', to)
    .orderBy('slots.service_date')
    .orderBy('prestations.position')
    .execute();
}

/** New places for one prestation's day: refused below what is taken (reservations and live holds), with the count. */
export async function setDayCapacity(db: Db, input: { productId: number; slotId: number; capacity: number; staffId: number; now: Date }): Promise<{ ok: true } | { ok: false; taken: number } | { ok: false; missing: true }> {
  return db.transaction().execute(async (trx) => {
    // The slot's lock is the one every booking of that day takes: nobody books while it changes.
    const slot = await trx.selectFrom('slots').select(['id', 'capacity', 'service_date']).where('id', '=', input.slotId).where('product_id', '=', input.productId).forUpdate().executeTakeFirst();
    if (!slot) return { ok: false, missing: true };
    const { taken } = await trx
      .selectFrom('slots')
      .select(takenPlaces(input.now).as('taken'))
      .where('id', '=', slot.id)
      .executeTakeFirstOrThrow();
    if (input.capacity < taken) return { ok: false, taken };
    await trx.updateTable('slots').set({ capacity: input.capacity }).where('id', '=', slot.id).execute();
    await recordAudit(trx, { actorId: input.staffId, action: 'product.capacity', subject: { type: 'product', id: input.productId }, details: { day: slot.service_date, slotId: slot.id, before: slot.capacity, after: input.capacity } });
    return { ok: true };
  });
}

/** A prestation's new price, for bookings from now on; what was held or paid keeps its price. */
export async function setPrestationPrice(db: Db, input: { productId: number; prestationId: number; priceCents: number; staffId: number }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('prestations').select('price_cents').where('id', '=', input.prestationId).where('product_id', '=', input.productId).forUpdate().executeTakeFirst();
    if (!before) return false;
    await trx.updateTable('prestations').set({ price_cents: input.priceCents }).where('id', '=', input.prestationId).execute();
    await recordAudit(trx, { actorId: input.staffId, action: 'product.price', subject: { type: 'product', id: input.productId }, details: { prestationId: input.prestationId, before: before.price_cents, after: input.priceCents } });
    return true;
  });
}

/** A product's prestations, in their order. */
export function productPrestations(db: Db, productId: number) {
  return db.selectFrom('prestations').select(['id', 'label', 'price_cents']).where('product_id', '=', productId).orderBy('position').execute();
}
