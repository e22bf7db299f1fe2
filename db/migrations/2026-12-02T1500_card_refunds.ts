// A card refund staff made at the payment provider, recorded here with the provider's reference:
// one per cancelled reservation, and never more in total than the card payment it comes from
// (checked under the payment row's lock by db/queries/staff-orders.ts).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('card_refunds')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('payment_id', 'bigint', (col) => col.notNull().references('payments.id'))
    .addColumn('reservation_id', 'bigint', (col) => col.notNull().unique().references('reservations.id'))
    .addColumn('amount_cents', 'integer', (col) => col.notNull().check(sql`amount_cents > 0`))
    .addColumn('provider_reference', 'text', (col) => col.notNull())
    .addColumn('staff_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('card_refunds_payment_idx').on('card_refunds').column('payment_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('card_refunds').execute();
}
