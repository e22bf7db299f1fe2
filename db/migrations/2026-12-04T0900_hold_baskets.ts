// A family's cart is one basket, held by one workflow that becomes its order: each hold names
// its basket by the number the order will carry, drawn from the order numbers when the basket
// opens. Orders say which workflow runs them, so the checkout speaks to each in its own terms
// while orders started before this change finish under the workflow that started them.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('holds').addColumn('basket', 'text').execute();
  await db.schema.createIndex('holds_basket_live_idx').on('holds').column('basket').where(sql.ref('state'), '=', 'held').execute();
  await db.schema
    .alterTable('orders')
    .addColumn('workflow_type', 'text', (col) => col.notNull().defaultTo('order').check(sql`workflow_type in ('order', 'basket')`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').dropColumn('workflow_type').execute();
  await db.schema.dropIndex('holds_basket_live_idx').execute();
  await db.schema.alterTable('holds').dropColumn('basket').execute();
}
