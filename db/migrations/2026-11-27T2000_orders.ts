// Orders: what a family buys from its cart (one line per held place), how it pays (wallet part,
// card part), and the e-tickets of its reservations.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence order_numbers`.execute(db);
  await db.schema
    .createTable('orders')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    // Readable, for families and operators: "2026-000123".
    .addColumn('number', 'text', (col) => col.notNull().unique())
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('open').check(sql`state in ('open', 'awaiting-payment', 'paid', 'abandoned')`))
    .addColumn('total_cents', 'integer', (col) => col.notNull().check(sql`total_cents >= 0`))
    .addColumn('wallet_cents', 'integer', (col) => col.notNull().defaultTo(0).check(sql`wallet_cents >= 0`))
    .addColumn('card_cents', 'integer', (col) => col.notNull().defaultTo(0).check(sql`card_cents >= 0`))
    .addColumn('card_payment_id', 'bigint', (col) => col.references('payments.id'))
    // The steps of the checkout: billing address (a copy, as it was) and the terms accepted.
    .addColumn('billing_address', 'text')
    .addColumn('terms_accepted_at', 'timestamptz')
    .addColumn('abandon_reason', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('paid_at', 'timestamptz')
    .addColumn('abandoned_at', 'timestamptz')
    .addCheckConstraint('orders_plan_check', sql`state in ('open', 'abandoned') or wallet_cents + card_cents = total_cents`)
    .execute();
  await db.schema.createIndex('orders_user_idx').on('orders').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('order_lines')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('order_id', 'bigint', (col) => col.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('hold_id', 'bigint', (col) => col.notNull().unique().references('holds.id'))
    .addColumn('price_cents', 'integer', (col) => col.notNull().check(sql`price_cents >= 0`))
    .execute();
  await db.schema.createIndex('order_lines_order_idx').on('order_lines').column('order_id').execute();

  await db.schema
    .createTable('e_tickets')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('reservation_id', 'bigint', (col) => col.notNull().unique().references('reservations.id'))
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('issued_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['e_tickets', 'order_lines', 'orders']) await db.schema.dropTable(table).execute();
  await sql`drop sequence order_numbers`.execute(db);
}
