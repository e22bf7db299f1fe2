// Booking: the rules a dated product carries (closed days, booking deadline, pricing), the
// family's quotient familial, holds (places kept in a cart) and reservations. Capacity and
// "one child, one booking per product and day" are enforced here, not only in code.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('products')
    .addColumn('closed_days', sql`date[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('booking_deadline_days', 'integer', (col) => col.notNull().defaultTo(2).check(sql`booking_deadline_days between 0 and 60`))
    .addColumn('booking_deadline_hour', 'integer', (col) => col.notNull().defaultTo(12).check(sql`booking_deadline_hour between 0 and 23`))
    .addColumn('pricing', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();

  // A child with past reservations leaves the family's list but stays in the history.
  await db.schema.alterTable('dependants').addColumn('removed_at', 'timestamptz').execute();
  await db.schema.dropIndex('dependants_unique_person').execute();
  await db.schema
    .createIndex('dependants_unique_person')
    .on('dependants')
    .unique()
    .expression(sql`guardian_id, lower(first_name), lower(last_name), birth_date`)
    .where(sql.ref('removed_at'), 'is', null)
    .execute();

  await db.schema.alterTable('users').addColumn('quotient_familial', 'integer', (col) => col.check(sql`quotient_familial between 0 and 100000`)).execute();

  await db.schema
    .createTable('holds')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('slot_id', 'bigint', (col) => col.notNull().references('slots.id').onDelete('cascade'))
    .addColumn('product_id', 'bigint', (col) => col.notNull().references('products.id').onDelete('cascade'))
    .addColumn('prestation_id', 'bigint', (col) => col.notNull().references('prestations.id').onDelete('cascade'))
    .addColumn('service_date', 'date', (col) => col.notNull())
    .addColumn('dependant_id', 'bigint', (col) => col.notNull().references('dependants.id').onDelete('cascade'))
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('price_cents', 'integer', (col) => col.notNull().check(sql`price_cents >= 0`))
    .addColumn('price_note', 'text')
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('held').check(sql`state in ('held', 'released', 'expired', 'confirmed')`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('ended_at', 'timestamptz')
    .execute();
  // One live hold per child, product and day, whatever the prestation.
  await db.schema.createIndex('holds_one_per_child_day').on('holds').columns(['dependant_id', 'product_id', 'service_date']).unique().where(sql.ref('state'), '=', 'held').execute();
  await db.schema.createIndex('holds_slot_live_idx').on('holds').columns(['slot_id', 'expires_at']).where(sql.ref('state'), '=', 'held').execute();
  await db.schema.createIndex('holds_user_live_idx').on('holds').columns(['user_id', 'expires_at']).where(sql.ref('state'), '=', 'held').execute();

  await db.schema
    .createTable('reservations')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('hold_id', 'bigint', (col) => col.notNull().unique().references('holds.id'))
    .addColumn('slot_id', 'bigint', (col) => col.notNull().references('slots.id'))
    .addColumn('product_id', 'bigint', (col) => col.notNull().references('products.id'))
    .addColumn('prestation_id', 'bigint', (col) => col.notNull().references('prestations.id'))
    .addColumn('service_date', 'date', (col) => col.notNull())
    .addColumn('dependant_id', 'bigint', (col) => col.notNull().references('dependants.id'))
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('price_cents', 'integer', (col) => col.notNull().check(sql`price_cents >= 0`))
    .addColumn('order_line_id', 'bigint')
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('confirmed').check(sql`state in ('confirmed', 'cancelled')`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('cancelled_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('reservations_one_per_child_day').on('reservations').columns(['dependant_id', 'product_id', 'service_date']).unique().where(sql.ref('state'), '=', 'confirmed').execute();
  await db.schema.createIndex('reservations_slot_idx').on('reservations').column('slot_id').where(sql.ref('state'), '=', 'confirmed').execute();
  await db.schema.createIndex('reservations_dependant_date_idx').on('reservations').columns(['dependant_id', 'service_date']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reservations').execute();
  await db.schema.dropTable('holds').execute();
  await db.schema.alterTable('users').dropColumn('quotient_familial').execute();
  await db.schema.dropIndex('dependants_unique_person').execute();
  await sql`delete from dependants where removed_at is not null`.execute(db);
  await db.schema.createIndex('dependants_unique_person').on('dependants').unique().expression(sql`guardian_id, lower(first_name), lower(last_name), birth_date`).execute();
  await db.schema.alterTable('dependants').dropColumn('removed_at').execute();
  await db.schema.alterTable('products').dropColumn('pricing').dropColumn('booking_deadline_hour').dropColumn('booking_deadline_days').dropColumn('closed_days').execute();
}
