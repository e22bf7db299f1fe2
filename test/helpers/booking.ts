// Booking fixtures: the seeded Rosières product, a family allowed to buy it, and holds placed
// through the real query.
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { placeHolds, productForBooking } from '../../db/queries/booking/booking.ts';
import { confirmOrder } from '../../db/queries/orders/order-outcome.ts';
import { planOrderPayment } from '../../db/queries/orders/order-steps.ts';
import { createOrderFromCart } from '../../db/queries/orders/orders.ts';
import { createParent } from './accounts.ts';

export const PRODUCT_NAME = 'Inscription Accueil Périscolaire (mercredis)';

export async function demoProduct(db: Db) {
  const { id } = await db.selectFrom('products').select('id').where('name', '=', PRODUCT_NAME).executeTakeFirstOrThrow();
  return (await productForBooking(db, id))!;
}

/** A validated family of Rosières, subscribed to the product's offer, with its children. */
export async function bookingFamily(db: Db, email: string, children: { first: string; birth: string }[] = [{ first: 'Jérémy', birth: '2017-04-12' }]) {
  const user = await createParent(db, email, { status: 'validated', commune: 'rosieres' });
  const offer = await db.selectFrom('service_offers').select('id').where('label', '=', 'INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT').executeTakeFirstOrThrow();
  await db.insertInto('subscriptions').values({ user_id: user.id, service_offer_id: offer.id, status: 'validated' }).execute();
  const dependants = [];
  for (const child of children) {
    dependants.push(
      await db.insertInto('dependants').values({ guardian_id: user.id, first_name: child.first, last_name: 'Pardon', birth_date: child.birth, relationship: 'enfant' }).returningAll().executeTakeFirstOrThrow(),
    );
  }
  return { user, dependants };
}

export async function holdPlaces(db: Db, family: Awaited<ReturnType<typeof bookingFamily>>, prestation: string, dates: string[], now: Date, minutes = 30) {
  const product = await demoProduct(db);
  return placeHolds(db, {
    userId: family.user.id,
    product,
    prestationId: product.prestations.find((p) => p.label === prestation)!.id,
    children: family.dependants.map((d) => ({ id: d.id })),
    dates,
    family: { quotientFamilial: null, communeId: family.user.commune_id },
    now,
    expiresAt: new Date(now.getTime() + minutes * 60_000),
  });
}

export async function setCapacity(db: Db, date: string, prestation: string, capacity: number): Promise<void> {
  await sql`update slots set capacity = ${capacity} from prestations
    where slots.prestation_id = prestations.id and prestations.label = ${prestation} and slots.service_date = ${date}`.execute(db);
}

/** The family's home, for the checkout's "Adresse" step. */
export async function addHomeAddress(db: Db, userId: number): Promise<number> {
  const row = await db
    .insertInto('addresses')
    .values({ user_id: userId, label: 'Domicile', line1: '3 rue des Tanneries', line2: null, postal_code: '43000', city: 'Le Puy-en-Velay', is_default: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Makes an order look created at `when` (the column is set by the database, not by the app). */
export async function backdateOrder(db: Db, orderId: number, when: Date): Promise<void> {
  await sql`update orders set created_at = ${when} where id = ${orderId}`.execute(db);
}

/** Makes a closure or an online request look written an hour ago by the database's clock, which stamps them. */
export async function backdateByAnHour(db: Db, table: 'closures' | 'online_requests', id: number): Promise<void> {
  await sql`update ${sql.table(table)} set created_at = now() - interval '1 hour' where id = ${id}`.execute(db);
}

/**
 * Pays what the family holds, as the order workflow would without its money steps: an order,
 * its plan (card part, less `discountCents` of voucher), its reservations and e-tickets.
 */
export async function payCart(db: Db, userId: number, now: Date, discountCents = 0) {
  const order = (await createOrderFromCart(db, userId, now))!;
  if (discountCents > 0) await db.updateTable('orders').set({ discount_cents: discountCents }).where('id', '=', order.orderId).execute();
  await planOrderPayment(db, order.orderId, 0, order.totalCents - discountCents);
  await confirmOrder(db, order.orderId, now);
  return order;
}

/** The first `count` service days of the demo product's prestation from `from` on (its calendar, closures included). */
export async function serviceDaysFrom(db: Db, prestation: string, from: string, count: number): Promise<string[]> {
  const product = await demoProduct(db);
  const rows = await db
    .selectFrom('slots')
    .select('service_date')
    .where('product_id', '=', product.id)
    .where('prestation_id', '=', product.prestations.find((p) => p.label === prestation)!.id)
    .where('service_date', '>=', from)
    .orderBy('service_date')
    .limit(count)
    .execute();
  if (rows.length < count) throw new Error(`${prestation}: fewer than ${count} service days from ${from}`);
  return rows.map((row) => row.service_date);
}
