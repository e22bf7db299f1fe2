// RGPD erasure on request. One request per family, kept after the erasure as the proof that it was
// done (who returned the wallet's balance, with which transfer reference). The account's row stays,
// anonymised, because orders and payments (kept for the public accounts) point to it: it takes the
// status 'erased'. The audit log stays append-only except for one change: an entry about an erased
// family may have its details replaced by the erasure marker, nothing else.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('erasure_requests')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('user_id', 'bigint', (col) => col.notNull().unique().references('users.id'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('in-progress').check(sql`status in ('in-progress', 'awaiting-wallet-return', 'done')`))
    // Where the wallet's balance is transferred; erased with the rest.
    .addColumn('iban', 'text')
    .addColumn('refunded_cents', 'integer', (col) => col.notNull().defaultTo(0).check(sql`refunded_cents >= 0`))
    .addColumn('wallet_cents', 'integer', (col) => col.check(sql`wallet_cents > 0`))
    .addColumn('wallet_reference', 'text')
    .addColumn('wallet_returned_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('wallet_returned_at', 'timestamptz')
    .addColumn('requested_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('completed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('erasure_requests_status_idx').on('erasure_requests').column('status').execute();

  await sql`alter table users drop constraint users_status_check`.execute(db);
  await sql`alter table users add constraint users_status_check check (status in ('pending', 'validated', 'rejected', 'suspended', 'erased'))`.execute(db);

  await sql`drop trigger audit_log_append_only on audit_log`.execute(db);
  await sql`create trigger audit_log_append_only before delete or truncate on audit_log for each statement execute function audit_log_append_only()`.execute(db);
  await sql`
    create function audit_log_redact_only() returns trigger language plpgsql as $$
    begin
      if new.details = '{"effacé": true}'::jsonb
        and (new.id, new.idempotency_key, new.actor_id, new.action, new.subject_type, new.subject_id, new.created_at)
          is not distinct from (old.id, old.idempotency_key, old.actor_id, old.action, old.subject_type, old.subject_id, old.created_at)
      then
        return new;
      end if;
      raise exception 'audit_log is append-only (UPDATE refused)' using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`create trigger audit_log_redact_only before update on audit_log for each row execute function audit_log_redact_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger audit_log_redact_only on audit_log`.execute(db);
  await sql`drop function audit_log_redact_only()`.execute(db);
  await sql`drop trigger audit_log_append_only on audit_log`.execute(db);
  await sql`create trigger audit_log_append_only before update or delete or truncate on audit_log for each statement execute function audit_log_append_only()`.execute(db);
  await sql`alter table users drop constraint users_status_check`.execute(db);
  await sql`alter table users add constraint users_status_check check (status in ('pending', 'validated', 'rejected', 'suspended'))`.execute(db);
  await db.schema.dropTable('erasure_requests').execute();
}
