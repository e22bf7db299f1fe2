// Effectifs cuisine: the meals booked per day, site and meal type, for the kitchens to cook. A
// meal is a canteen's prestation, or any prestation that includes one ("Matin + Repas"). Counted
// from confirmed reservations, so a booking or a cancellation shows at the next reading.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import type { IsoDate } from '../../../domain/dates.ts';

export function kitchenCounts(db: Db, communeIds: number[], from: IsoDate, to: IsoDate) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reservations')
    .innerJoin('products', 'products.id', 'reservations.product_id')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .innerJoin('prestations', 'prestations.id', 'reservations.prestation_id')
    .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
    .select([
      'reservations.service_date as day',
      'communes.name as commune',
      'products.name as site',
      'prestations.label as meal',
      sql<number>`count(*)::int`.as('meals'),
      // A PAI basket is its own meal type; a child whose notes mention an allergy or a PAI is
      // counted on the regular meal they booked too, so the kitchen checks the plate.
      sql<number>`(count(*) filter (where dependants.notes ~* '(allerg|\\mPAI\\M)'))::int`.as('allergies'),
      sql<boolean>`prestations.label ~* '\\mPAI\\M'`.as('pai'),
    ])
    .where('reservations.state', '=', 'confirmed')
    .where('products.commune_id', 'in', communeIds)
    .where('reservations.service_date', '>=', from)
    .where('reservations.service_date', '<=', to)
    .where((eb) => eb.or([eb('products.category', '=', 'cantines'), eb('prestations.label', 'ilike', '%repas%')]))
    .groupBy(['reservations.service_date', 'communes.name', 'products.name', 'prestations.label', 'prestations.position'])
    .orderBy('reservations.service_date')
    .orderBy('communes.name')
    .orderBy('products.name')
    .orderBy('prestations.position')
    .execute();
}

export type KitchenRow = Awaited<ReturnType<typeof kitchenCounts>>[number];
