// Carts across régies: the demo's Rosières Wednesdays and Bains' canteen belong to two communes,
// hence two régies; a Rosières family subscribed to both holds places of each in one cart.
import type { Db } from '../../db/connection.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { placeHolds, productForBooking } from '../../db/queries/booking/booking.ts';
import { PRODUCT_NAME, bookingFamily } from './booking.ts';

export const WEDNESDAYS = { name: PRODUCT_NAME, prestation: 'Journée + Repas' };
export const CANTEEN = { name: 'Restaurant scolaire de Bains', prestation: 'Repas standard' };
type Offered = typeof WEDNESDAYS | typeof CANTEEN;

/** A Rosières family subscribed to the Wednesdays and to Bains' canteen too. */
export async function twoCommunesFamily(db: Db, email: string) {
  const family = await bookingFamily(db, email);
  const canteen = await db.selectFrom('service_offers').select('id').where('label', '=', 'RÉSERVATION REPAS ENFANTS').executeTakeFirstOrThrow();
  await db.insertInto('subscriptions').values({ user_id: family.user.id, service_offer_id: canteen.id, status: 'validated' }).execute();
  return family;
}

export async function productOf(db: Db, offered: Offered) {
  const { id } = await db.selectFrom('products').select('id').where('name', '=', offered.name).executeTakeFirstOrThrow();
  const product = (await productForBooking(db, id))!;
  return { product, prestationId: product.prestations.find((p) => p.label === offered.prestation)!.id };
}

/** The product's service days from `from` on (its calendar, holidays and closures excluded). */
export async function daysOf(db: Db, offered: Offered, from: IsoDate, count: number): Promise<IsoDate[]> {
  const { product, prestationId } = await productOf(db, offered);
  const rows = await db.selectFrom('slots').select('service_date').where('product_id', '=', product.id).where('prestation_id', '=', prestationId).where('service_date', '>=', from).orderBy('service_date').limit(count).execute();
  if (rows.length < count) throw new Error(`${offered.name}: fewer than ${count} service days from ${from}`);
  return rows.map((row) => row.service_date);
}

/** Holds the family's first child's places on these days of the product, through the real query. */
export async function holdOf(db: Db, family: Awaited<ReturnType<typeof bookingFamily>>, offered: Offered, dates: IsoDate[], now: Date) {
  const { product, prestationId } = await productOf(db, offered);
  return placeHolds(db, {
    userId: family.user.id, product, prestationId, children: [{ id: family.dependants[0]!.id }], dates,
    family: { quotientFamilial: null, communeId: family.user.commune_id }, now, expiresAt: new Date(now.getTime() + 30 * 60_000),
  });
}
