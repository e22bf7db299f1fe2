// Fermetures exceptionnelles: staff close days of a product (strike, weather, sanitary); the
// closure's workflow cancels and refunds their reservations and counts its progress here.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('closures')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('product_id', 'bigint', (col) => col.notNull().references('products.id'))
    .addColumn('first_day', 'date', (col) => col.notNull())
    .addColumn('last_day', 'date', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull().check(sql`char_length(reason) between 3 and 300`))
    .addColumn('created_by', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('running').check(sql`state in ('running', 'done')`))
    .addColumn('reservations_total', 'integer')
    .addColumn('reservations_done', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('refunded_cents', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('families_mailed', 'integer', (col) => col.notNull().defaultTo(0))
    .addCheckConstraint('closures_days_check', sql`first_day <= last_day`)
    .execute();
  await db.schema.alterTable('reservations').addColumn('closure_id', 'bigint', (col) => col.references('closures.id')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reservations').dropColumn('closure_id').execute();
  await db.schema.dropTable('closures').execute();
}
