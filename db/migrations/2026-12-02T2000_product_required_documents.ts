// A product may require valid supporting documents of given types (an insurance certificate for
// a holiday centre, say): a family without one valid on the day it books is told which is missing.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('products').addColumn('required_documents', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('products').dropColumn('required_documents').execute();
}
