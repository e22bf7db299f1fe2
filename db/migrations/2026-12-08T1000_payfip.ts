// PayFiP's side of a payment: the operation id (idOp) its web service gave, unique, so that a
// retried creation finds it instead of asking for another, and the last result it said
// (resultrans P, V, R, Z, A, or the purged operation's P1).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('payments').addColumn('payfip_idop', 'text').addColumn('payfip_result', 'text').execute();
  await db.schema.createIndex('payments_payfip_idop_key').unique().on('payments').column('payfip_idop').where(sql.ref('payfip_idop'), 'is not', null).execute();
  await sql`alter table payments add constraint payments_payfip_result_check check (payfip_result in ('P', 'V', 'R', 'Z', 'A', 'P1'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('payments').dropConstraint('payments_payfip_result_check').execute();
  await db.schema.dropIndex('payments_payfip_idop_key').execute();
  await db.schema.alterTable('payments').dropColumn('payfip_result').dropColumn('payfip_idop').execute();
}
