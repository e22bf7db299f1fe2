// Attendance: for each reservation, whether the child came, as staff ticked it on the list or
// checked the e-ticket in at the door, by whom and when. One row per reservation.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('attendance')
    .addColumn('reservation_id', 'bigint', (col) => col.primaryKey().references('reservations.id'))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('present', 'absent')`))
    .addColumn('reason', 'text', (col) => col.check(sql`reason is null or char_length(reason) between 1 and 200`))
    .addColumn('method', 'text', (col) => col.notNull().check(sql`method in ('list', 'code')`))
    .addColumn('recorded_by', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('attendance').execute();
}
