// « Mes listes »: bookings a family repeats, named (« Les mercredis de Jérémy »): a product, a
// prestation, children and weekdays, applied to a month in one click.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('booking_lists')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('product_id', 'bigint', (col) => col.notNull().references('products.id').onDelete('cascade'))
    .addColumn('prestation_id', 'bigint', (col) => col.notNull().references('prestations.id').onDelete('cascade'))
    .addColumn('children', sql`bigint[]`, (col) => col.notNull())
    .addColumn('weekdays', sql`smallint[]`, (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('booking_lists_user_name_key', ['user_id', 'name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('booking_lists').execute();
}
