// The wallet ("porte-monnaie"): a ledger of signed entries whose sum is the balance, and the
// balance row kept beside it in the same transaction, never below zero; and card payments.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wallet_accounts')
    .addColumn('user_id', 'bigint', (col) => col.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('balance_cents', 'integer', (col) => col.notNull().defaultTo(0).check(sql`balance_cents >= 0`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('wallet_entries')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('wallet_accounts.user_id').onDelete('cascade'))
    .addColumn('amount_cents', 'integer', (col) => col.notNull().check(sql`amount_cents <> 0`))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('topup', 'payment', 'refund', 'adjustment')`))
    .addColumn('label', 'text', (col) => col.notNull())
    // The step that wrote it (workflow ID + step): a retried activity never moves money twice.
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('created_by', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('wallet_entries_user_idx').on('wallet_entries').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('purpose', 'text', (col) => col.notNull().check(sql`purpose in ('topup', 'order')`))
    .addColumn('method', 'text', (col) => col.notNull().check(sql`method in ('card', 'wallet')`))
    .addColumn('amount_cents', 'integer', (col) => col.notNull().check(sql`amount_cents > 0`))
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('pending').check(sql`state in ('pending', 'paid', 'refused', 'cancelled', 'expired')`))
    // What the provider knows the payment by (PBX_CMD); unique, so a notification finds one payment.
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    .addColumn('card_type', 'text')
    .addColumn('provider_transaction', 'text')
    .addColumn('provider_error', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('payments_user_idx').on('payments').columns(['user_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('payments').execute();
  await db.schema.dropTable('wallet_entries').execute();
  await db.schema.dropTable('wallet_accounts').execute();
}
