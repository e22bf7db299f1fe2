// « Mes listes »: a family's saved bookings (product, prestation, children, weekdays), by name.
import type { Db } from '../../connection.ts';
import { isUniqueViolation } from '../../errors.ts';

export async function saveBookingList(db: Db, list: { userId: number; name: string; productId: number; prestationId: number; children: number[]; weekdays: number[] }): Promise<number | 'name-taken'> {
  try {
    const row = await db
      .insertInto('booking_lists')
      .values({ user_id: list.userId, name: list.name, product_id: list.productId, prestation_id: list.prestationId, children: list.children, weekdays: list.weekdays })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    if (isUniqueViolation(error, 'booking_lists_user_name_key')) return 'name-taken';
    throw error;
  }
}

/** The family's lists with their product's and prestation's names and season. */
export function familyBookingLists(db: Db, userId: number) {
  return db
    .selectFrom('booking_lists')
    .innerJoin('products', 'products.id', 'booking_lists.product_id')
    .innerJoin('prestations', 'prestations.id', 'booking_lists.prestation_id')
    .select([
      'booking_lists.id', 'booking_lists.name', 'booking_lists.product_id', 'booking_lists.prestation_id', 'booking_lists.children', 'booking_lists.weekdays',
      'products.name as product', 'products.season_start', 'products.season_end', 'prestations.label as prestation',
    ])
    .where('booking_lists.user_id', '=', userId)
    .orderBy('booking_lists.name')
    .execute();
}

export function familyBookingList(db: Db, userId: number, listId: number) {
  return db.selectFrom('booking_lists').selectAll().where('id', '=', listId).where('user_id', '=', userId).executeTakeFirst();
}

export async function removeBookingList(db: Db, userId: number, listId: number): Promise<boolean> {
  const result = await db.deleteFrom('booking_lists').where('id', '=', listId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
