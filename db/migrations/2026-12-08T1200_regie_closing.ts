// The daily closing names the payments of a régie left « to reconcile » on the day it closes:
// few rows of a large table, found by their own partial index.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index payments_regie_to_reconcile_idx on payments (regie_id, created_at) where state = 'to-reconcile'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index payments_regie_to_reconcile_idx`.execute(db);
}
