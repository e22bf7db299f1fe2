// What shared custody says of a product's days for the children a guardian is booking: the days
// of the other guardian's weeks (alternate weeks agreed), which they may not book, and the days
// the other guardian booked, named so that nobody wonders who did.
import { sql } from 'kysely';
import type { IsoDate } from '../../../domain/dates.ts';
import type { Db } from '../../connection.ts';
import { othersWeekDays } from './custody-rules.ts';

export interface CustodyDayNote {
  text: string;
  /** A day of the other guardian's week: not to be booked by this one. */
  blocks: boolean;
}

export async function custodyDayNotes(db: Db, input: { userId: number; productId: number; dependantIds: number[]; days: IsoDate[]; now: Date }): Promise<Map<IsoDate, CustodyDayNote>> {
  const notes = new Map<IsoDate, CustodyDayNote>();
  if (input.dependantIds.length === 0 || input.days.length === 0) return notes;
  const [from, to] = [input.days.reduce((a, b) => (a < b ? a : b)), input.days.reduce((a, b) => (a > b ? a : b))];
  const byOther = await db
    .selectFrom('reservations')
    .innerJoin('users', 'users.id', 'reservations.user_id')
    .select(['reservations.service_date', sql<string>`coalesce(users.first_name, 'l’autre parent')`.as('name')])
    .where('reservations.product_id', '=', input.productId)
    .where('reservations.dependant_id', 'in', input.dependantIds)
    .where('reservations.user_id', '<>', input.userId)
    .where('reservations.state', '=', 'confirmed')
    .where('reservations.service_date', '>=', from)
    .where('reservations.service_date', '<=', to)
    .unionAll(
      db
        .selectFrom('holds')
        .innerJoin('users', 'users.id', 'holds.user_id')
        .select(['holds.service_date', sql<string>`coalesce(users.first_name, 'l’autre parent')`.as('name')])
        .where('holds.product_id', '=', input.productId)
        .where('holds.dependant_id', 'in', input.dependantIds)
        .where('holds.user_id', '<>', input.userId)
        .where('holds.state', '=', 'held')
        .where('holds.expires_at', '>', input.now)
        .where('holds.service_date', '>=', from)
        .where('holds.service_date', '<=', to),
    )
    .execute();
  for (const row of byOther) notes.set(row.service_date, { text: `réservé par ${row.name}`, blocks: false });
  for (const week of await othersWeekDays(db, input)) if (!notes.has(week.day)) notes.set(week.day, { text: `semaine de ${week.holder}`, blocks: true });
  return notes;
}
