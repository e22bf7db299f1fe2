// Effectifs cuisine: the meals booked per day, site and meal type, for the kitchens to cook. A
// meal is a canteen's prestation, or any prestation that includes one ("Matin + Repas"), named as
// the kitchen names it (domain/kitchen-meals.ts). The site is where the product is served, its
// provider's label. Counted from confirmed reservations, so a booking or a cancellation shows at
// the next reading. What the plates need comes from the children's fiches sanitaires, which are
// health data: counted per need on every day, named per child only for today's service (in Paris),
// and each reading that names them is journalled.
import type { Db } from '../../connection.ts';
import type { IsoDate } from '../../../domain/dates.ts';
import { isPaiLabel, kitchenMeal, plateNeeds, type PlateFacts } from '../../../domain/kitchen-meals.ts';
import { recordAudit } from '../staff/index.ts';

export interface KitchenChild {
  name: string;
  /** « allergies : œufs », « Sans porc », « PAI : panier-repas ». */
  needs: string[];
}

export interface KitchenRow {
  day: IsoDate;
  commune: string;
  site: string;
  meal: string;
  pai: boolean;
  meals: number;
  /** How many children of this line need each thing: counts, never names. */
  needs: { kind: string; count: number }[];
  /** How many children of this line need care (one may need several things). */
  cared: number;
  /** The children whose plate needs care, by name: today's service only, null on other days. */
  children: KitchenChild[] | null;
  /** The products behind the line, for the journal. */
  productIds: number[];
}

/** Each child's current fiche sanitaire, as far as the plate goes. */
async function plateFacts(db: Db, childIds: number[]): Promise<Map<number, PlateFacts>> {
  if (childIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('child_health_records')
    .select(['dependant_id', 'allergies', 'diets', 'has_pai'])
    .distinctOn('dependant_id')
    .where('dependant_id', 'in', childIds)
    .orderBy('dependant_id')
    .orderBy('version', 'desc')
    .execute();
  return new Map(rows.map((row) => [row.dependant_id, row]));
}

export async function kitchenCounts(db: Db, communeIds: number[], from: IsoDate, to: IsoDate, today: IsoDate): Promise<KitchenRow[]> {
  if (communeIds.length === 0) return [];
  const booked = await db
    .selectFrom('reservations')
    .innerJoin('products', 'products.id', 'reservations.product_id')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .innerJoin('prestations', 'prestations.id', 'reservations.prestation_id')
    .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
    .select([
      'reservations.service_date as day', 'communes.name as commune', 'products.id as productId', 'products.provider_label as site', 'prestations.label', 'prestations.position',
      'dependants.id as childId', 'dependants.first_name', 'dependants.last_name',
    ])
    .where('reservations.state', '=', 'confirmed')
    .where('products.commune_id', 'in', communeIds)
    .where('reservations.service_date', '>=', from)
    .where('reservations.service_date', '<=', to)
    .where((eb) => eb.or([eb('products.category', '=', 'cantines'), eb('prestations.label', 'ilike', '%repas%')]))
    .orderBy('reservations.service_date')
    .orderBy('communes.name')
    .orderBy('products.provider_label')
    .orderBy('prestations.position')
    .orderBy('dependants.last_name')
    .orderBy('dependants.first_name')
    .execute();
  const facts = await plateFacts(db, [...new Set(booked.map((reservation) => reservation.childId))]);
  // Prestations naming the same meal on one site (« Matin + Repas », « Journée + Repas ») are one line.
  const rows = new Map<string, KitchenRow>();
  const counts = new Map<KitchenRow, Map<string, number>>();
  for (const reservation of booked) {
    const meal = kitchenMeal(reservation.label);
    const key = JSON.stringify([reservation.day, reservation.commune, reservation.site, meal]);
    const named = reservation.day === today;
    const row = rows.get(key) ?? { day: reservation.day, commune: reservation.commune, site: reservation.site, meal, pai: isPaiLabel(reservation.label), meals: 0, needs: [], cared: 0, children: named ? [] : null, productIds: [] };
    rows.set(key, row);
    row.meals += 1;
    if (!row.productIds.includes(reservation.productId)) row.productIds.push(reservation.productId);
    const needs = plateNeeds(facts.get(reservation.childId), row.pai);
    const perKind = counts.get(row) ?? new Map<string, number>();
    counts.set(row, perKind);
    if (needs.length > 0) row.cared += 1;
    for (const need of needs) perKind.set(need.kind, (perKind.get(need.kind) ?? 0) + 1);
    if (row.children && needs.length > 0) row.children.push({ name: `${reservation.first_name} ${reservation.last_name}`, needs: needs.map((need) => need.words) });
  }
  for (const [row, perKind] of counts) row.needs = [...perKind].map(([kind, count]) => ({ kind, count }));
  return [...rows.values()];
}

/** One journal entry per product whose children today's view named: the product and the day, never a name. */
export async function recordKitchenView(db: Db, staffId: number, rows: KitchenRow[]): Promise<void> {
  const seen = new Map<number, IsoDate>();
  for (const row of rows) if (row.children && row.children.length > 0) for (const id of row.productIds) seen.set(id, row.day);
  for (const [productId, day] of seen) {
    await recordAudit(db, { actorId: staffId, action: 'child-health.kitchen-viewed', subject: { type: 'product', id: productId }, details: { day } });
  }
}
