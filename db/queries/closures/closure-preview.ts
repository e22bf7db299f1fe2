// What a closure will do, read before staff confirm it: the products that run on the days, and for
// each the reservations it will cancel with their child, their family and what each will be
// refunded (`refundDue`, the reckoning the closure's cancellation itself uses). Writes nothing.
import type { Db } from '../../connection.ts';
import type { IsoDate } from '../../../domain/dates.ts';
import { refundDue } from '../orders/index.ts';

export interface ClosureLine {
  reservationId: number;
  day: IsoDate;
  child: string;
  familyId: number;
  family: string;
  email: string;
  refundCents: number;
}

/** The products of these communes with a day of service between the two days (a prestation's slot). */
export function productsRunningBetween(db: Db, communeIds: number[], firstDay: IsoDate, lastDay: IsoDate) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('products')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .select(['products.id', 'products.name', 'products.category', 'communes.name as commune'])
    .where('products.commune_id', 'in', communeIds)
    .where((eb) => eb.exists(eb.selectFrom('slots').select('slots.id').whereRef('slots.product_id', '=', 'products.id').where('slots.service_date', '>=', firstDay).where('slots.service_date', '<=', lastDay)))
    .orderBy('communes.name')
    .orderBy('products.name')
    .execute();
}

/** The reservations a closure of the product's days would cancel now, in the order of the days. */
export async function closureLines(db: Db, productId: number, firstDay: IsoDate, lastDay: IsoDate): Promise<ClosureLine[]> {
  const rows = await db
    .selectFrom('reservations')
    .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
    .innerJoin('users', 'users.id', 'reservations.user_id')
    .select([
      'reservations.id', 'reservations.order_line_id', 'reservations.price_cents', 'reservations.service_date', 'reservations.user_id',
      'dependants.first_name as child_first', 'dependants.last_name as child_last', 'users.email', 'users.first_name', 'users.last_name',
    ])
    .where('reservations.product_id', '=', productId)
    .where('reservations.service_date', '>=', firstDay)
    .where('reservations.service_date', '<=', lastDay)
    .where('reservations.state', '=', 'confirmed')
    .orderBy('reservations.service_date')
    .orderBy('users.id')
    .orderBy('reservations.id')
    .execute();
  const lines: ClosureLine[] = [];
  for (const row of rows) {
    lines.push({
      reservationId: row.id,
      day: row.service_date,
      child: `${row.child_first} ${row.child_last}`,
      familyId: row.user_id,
      family: [row.first_name, row.last_name].filter(Boolean).join(' ') || row.email,
      email: row.email,
      refundCents: await refundDue(db, row),
    });
  }
  return lines;
}
