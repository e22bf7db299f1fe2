// A product's service days, as the attendance pages walk them: a day with places offered (not
// closed), or with a child still booked on it (a day whose places were since withdrawn keeps its
// list). The list opens on today's, else the next one, and steps from one to the next.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import type { IsoDate } from '../../../domain/dates.ts';

export interface ServiceDaysAround {
  /** Whether the day itself is a service day. */
  here: boolean;
  previous: IsoDate | null;
  next: IsoDate | null;
}

function serviceDays(db: Db, productId: number) {
  return db
    .selectFrom('slots')
    .innerJoin('products', 'products.id', 'slots.product_id')
    .select('slots.service_date as day')
    .where('slots.product_id', '=', productId)
    .where(sql<boolean>`not (slots.service_date = any(products.closed_days))`)
    .union(db.selectFrom('reservations').select('reservations.service_date as day').where('reservations.product_id', '=', productId).where('reservations.state', '=', 'confirmed'));
}

/** The service days just before and just after `day`, and whether `day` is one. */
export async function serviceDaysAround(db: Db, productId: number, day: IsoDate): Promise<ServiceDaysAround> {
  const row = await db
    .selectFrom(serviceDays(db, productId).as('d'))
    .select((eb) => [
      eb.fn.max<IsoDate | null>('d.day').filterWhere('d.day', '<', day).as('previous'),
      eb.fn.min<IsoDate | null>('d.day').filterWhere('d.day', '>', day).as('next'),
      eb.fn.countAll<number>().filterWhere('d.day', '=', day).as('here'),
    ])
    .executeTakeFirstOrThrow();
  return { here: Number(row.here) > 0, previous: row.previous, next: row.next };
}

/** The day a product's list opens on: today's service, else the next one (else today, which has none). */
export async function openingDay(db: Db, productId: number, today: IsoDate): Promise<IsoDate> {
  const around = await serviceDaysAround(db, productId, today);
  return around.here ? today : (around.next ?? today);
}
