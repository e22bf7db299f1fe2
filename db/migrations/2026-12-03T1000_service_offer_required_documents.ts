// A service offer may require valid supporting documents of given types (a proof of address for a
// residents' offer, say): a family without one valid is told which is missing before it asks.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('service_offers').addColumn('required_documents', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('service_offers').dropColumn('required_documents').execute();
}
