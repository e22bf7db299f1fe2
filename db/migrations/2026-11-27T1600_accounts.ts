// Accounts: commune of residence, single-use tokens (sign-up, password reset, staff invitation),
// rate limits kept in the database (shared by every server replica), supporting documents and the
// log of staff actions.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('commune_id', 'bigint', (col) => col.references('communes.id').onDelete('set null'))
    .addColumn('status_reason', 'text')
    .execute();
  // Lucia's current session design: the cookie holds "<id>.<secret>"; the table keeps the id and
  // the SHA-256 of the secret, compared in constant time.
  await db.schema.alterTable('sessions').addColumn('secret_hash', 'text', (col) => col.notNull()).execute();

  await db.schema.createIndex('users_commune_status_idx').on('users').columns(['commune_id', 'status']).execute();

  await db.schema
    .createTable('one_time_tokens')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('purpose', 'text', (col) => col.notNull().check(sql`purpose in ('signup', 'password-reset', 'invitation')`))
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('user_id', 'bigint', (col) => col.references('users.id').onDelete('cascade'))
    // SHA-256 of the token sent by mail: the table alone never lets anyone use a link.
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('window_start', 'timestamptz', (col) => col.notNull())
    .addColumn('locked_until', 'timestamptz')
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('owner_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('justificatif-domicile', 'attestation-caf', 'livret-famille', 'attestation-assurance', 'autre')`),
    )
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('mime_type', 'text', (col) => col.notNull().check(sql`mime_type in ('application/pdf', 'image/jpeg', 'image/png')`))
    .addColumn('size_bytes', 'integer', (col) => col.notNull().check(sql`size_bytes > 0 and size_bytes <= 10485760`))
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('storage_key', 'text', (col) => col.notNull().unique())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('pending').check(sql`status in ('pending', 'accepted', 'refused')`))
    .addColumn('refusal_reason', 'text')
    .addColumn('uploaded_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('reviewed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('documents_owner_idx').on('documents').column('owner_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('idempotency_key', 'text', (col) => col.unique())
    .addColumn('actor_id', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('subject_type', 'text', (col) => col.notNull())
    .addColumn('subject_id', 'bigint', (col) => col.notNull())
    .addColumn('details', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('audit_log_subject_idx').on('audit_log').columns(['subject_type', 'subject_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'documents', 'rate_limits', 'one_time_tokens']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('sessions').dropColumn('secret_hash').execute();
  await db.schema.alterTable('users').dropColumn('status_reason').dropColumn('commune_id').execute();
}
