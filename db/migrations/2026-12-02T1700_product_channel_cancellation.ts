// A product is booked online, or only at the town hall (the page then says where); and a family
// may cancel a reservation until its own deadline, which starts equal to the booking deadline.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('products')
    .addColumn('channel', 'text', (col) => col.notNull().defaultTo('online').check(sql`channel in ('online', 'mairie')`))
    .addColumn('cancel_deadline_days', 'smallint', (col) => col.notNull().defaultTo(2))
    .addColumn('cancel_deadline_hour', 'smallint', (col) => col.notNull().defaultTo(12))
    .execute();
  await sql`update products set cancel_deadline_days = booking_deadline_days, cancel_deadline_hour = booking_deadline_hour`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('products').dropColumn('channel').dropColumn('cancel_deadline_days').dropColumn('cancel_deadline_hour').execute();
}
