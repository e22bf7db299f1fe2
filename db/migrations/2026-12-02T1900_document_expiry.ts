// Documents that live: staff accept a document until a date its type suggests (an attestation
// CAF for its year, a proof of address for a year), after which it is expired.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('documents').addColumn('expires_on', 'date').execute();
  await sql`alter table documents drop constraint documents_status_check`.execute(db);
  await sql`alter table documents add constraint documents_status_check check (status in ('pending', 'accepted', 'refused', 'expired'))`.execute(db);
  await db.schema.createIndex('documents_status_idx').on('documents').column('status').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('documents_status_idx').execute();
  await sql`alter table documents drop constraint documents_status_check`.execute(db);
  await sql`alter table documents add constraint documents_status_check check (status in ('pending', 'accepted', 'refused'))`.execute(db);
  await db.schema.alterTable('documents').dropColumn('expires_on').execute();
}
