// A product staff create stays unpublished (invisible to families, not bookable) until they
// publish it; every product already offered stays published.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('products').addColumn('published', 'boolean', (col) => col.notNull().defaultTo(sql`true`)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('products').dropColumn('published').execute();
}
