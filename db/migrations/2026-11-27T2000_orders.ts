// Orders: what a family buys from its cart (one line per held place), how it pays (wallet part,
// card part), and the e-tickets of its reservations.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence order_numbers`.execute(db);
  await db.schema
    .createTable('vouchers')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('code', 'text', (col) => col.notNull().unique().check(sql`code = upper(code) and code ~ '^[A-Z0-9-]{3,30}$'`))
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('amount', 'percent')`))
    .addColumn('value', 'integer', (col) => col.notNull().check(sql`value > 0`))
    .addColumn('valid_from', 'date', (col) => col.notNull())
    .addColumn('valid_until', 'date', (col) => col.notNull())
    .addColumn('min_order_cents', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('max_uses', 'integer')
    .addColumn('max_uses_per_family', 'integer')
    .addColumn('commune_id', 'bigint', (col) => col.references('communes.id'))
    .addColumn('product_id', 'bigint', (col) => col.references('products.id'))
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('vouchers_percent_check', sql`kind = 'amount' or value <= 100`)
    .addCheckConstraint('vouchers_dates_check', sql`valid_from <= valid_until`)
    .execute();
  await db.schema
    .createTable('orders')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    // Readable, for families and operators: "2026-000123".
    .addColumn('number', 'text', (col) => col.notNull().unique())
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('open').check(sql`state in ('open', 'awaiting-payment', 'paid', 'abandoned')`))
    .addColumn('total_cents', 'integer', (col) => col.notNull().check(sql`total_cents >= 0`))
    .addColumn('discount_cents', 'integer', (col) => col.notNull().defaultTo(0).check(sql`discount_cents >= 0`))
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
    .addCheckConstraint('orders_plan_check', sql`state in ('open', 'abandoned') or wallet_cents + card_cents = total_cents - discount_cents`)
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
    .createTable('voucher_uses')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('voucher_id', 'bigint', (col) => col.notNull().references('vouchers.id'))
    .addColumn('order_id', 'bigint', (col) => col.notNull().unique().references('orders.id'))
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('discount_cents', 'integer', (col) => col.notNull().check(sql`discount_cents >= 0`))
    // Reserved while the order is being paid; released if it is abandoned.
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('reserved').check(sql`state in ('reserved', 'used', 'released')`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('e_tickets')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('reservation_id', 'bigint', (col) => col.notNull().unique().references('reservations.id'))
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('issued_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['e_tickets', 'voucher_uses', 'order_lines', 'orders', 'vouchers']) await db.schema.dropTable(table).execute();
  await sql`drop sequence order_numbers`.execute(db);
}
