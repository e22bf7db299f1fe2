// Effectifs cuisine: the meals booked per day, site and meal type, for the kitchens to cook. A
// meal is a canteen's prestation, or any prestation that includes one ("Matin + Repas"), named as
// the kitchen names it (domain/kitchen-meals.ts). The site is where the product is served, its
// provider's label. Counted from confirmed reservations, so a booking or a cancellation shows at
// the next reading; the children with an allergy, a diet or a PAI are named, with what their
// notes say of it, for the staff of the product's commune only.
import type { Db } from '../../connection.ts';
import type { IsoDate } from '../../../domain/dates.ts';
import { dietNote, isPaiLabel, kitchenMeal } from '../../../domain/kitchen-meals.ts';

export interface KitchenChild {
  name: string;
  /** What the notes say of the child's plate; null for a PAI basket without a note. */
  diet: string | null;
}

export interface KitchenRow {
  day: IsoDate;
  commune: string;
  site: string;
  meal: string;
  pai: boolean;
  meals: number;
  /** The children of this line whose plate needs care, by name. */
  allergies: KitchenChild[];
}

export async function kitchenCounts(db: Db, communeIds: number[], from: IsoDate, to: IsoDate): Promise<KitchenRow[]> {
  if (communeIds.length === 0) return [];
  const booked = await db
    .selectFrom('reservations')
    .innerJoin('products', 'products.id', 'reservations.product_id')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .innerJoin('prestations', 'prestations.id', 'reservations.prestation_id')
    .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
    .select([
      'reservations.service_date as day', 'communes.name as commune', 'products.provider_label as site', 'prestations.label', 'prestations.position',
      'dependants.first_name', 'dependants.last_name', 'dependants.notes',
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
  // Prestations naming the same meal on one site (« Matin + Repas », « Journée + Repas ») are one line.
  const rows = new Map<string, KitchenRow>();
  for (const reservation of booked) {
    const meal = kitchenMeal(reservation.label);
    const key = JSON.stringify([reservation.day, reservation.commune, reservation.site, meal]);
    const row = rows.get(key) ?? { day: reservation.day, commune: reservation.commune, site: reservation.site, meal, pai: isPaiLabel(reservation.label), meals: 0, allergies: [] };
    row.meals += 1;
    const diet = dietNote(reservation.notes);
    if (diet !== null || row.pai) row.allergies.push({ name: `${reservation.first_name} ${reservation.last_name}`, diet });
    rows.set(key, row);
  }
  return [...rows.values()];
}
