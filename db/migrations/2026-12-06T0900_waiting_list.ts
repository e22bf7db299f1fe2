// Waiting lists: a family waits for a full day of a product, per child and prestation. When a
// place frees, the day's waiting-list workflow offers it to the first in line as a hold in the
// family's cart, held until the offer's deadline. Each product says how long an offer holds
// (12 hours by default) and whether the commune's residents come first; staff may move a family up
// (its rank) with a reason, written to the audit log.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('products')
    .addColumn('waitlist_offer_hours', 'integer', (col) => col.notNull().defaultTo(12).check(sql`waitlist_offer_hours between 1 and 168`))
    .addColumn('waitlist_residents_first', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable('waitlist_entries')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('slot_id', 'bigint', (col) => col.notNull().references('slots.id'))
    .addColumn('product_id', 'bigint', (col) => col.notNull().references('products.id'))
    .addColumn('service_date', 'date', (col) => col.notNull())
    .addColumn('dependant_id', 'bigint', (col) => col.notNull().references('dependants.id'))
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('waiting').check(sql`status in ('waiting', 'offered', 'booked', 'declined', 'expired', 'left')`))
    .addColumn('joined_at', 'timestamptz', (col) => col.notNull())
    // The line's order: the joining time, or earlier when staff moved the family up.
    .addColumn('rank_at', 'timestamptz', (col) => col.notNull())
    // The place held for the family while it is offered.
    .addColumn('offer_hold_id', 'bigint', (col) => col.unique().references('holds.id'))
    .addColumn('offered_until', 'timestamptz')
    .addColumn('ended_at', 'timestamptz')
    .execute();
  // A child waits once for a day's prestation.
  await db.schema
    .createIndex('waitlist_one_per_child_slot')
    .on('waitlist_entries')
    .columns(['dependant_id', 'slot_id'])
    .unique()
    .where(sql.ref('status'), 'in', sql`('waiting', 'offered')`)
    .execute();
  await db.schema.createIndex('waitlist_line_idx').on('waitlist_entries').columns(['slot_id', 'rank_at']).where(sql.ref('status'), '=', 'waiting').execute();
  await db.schema.createIndex('waitlist_user_idx').on('waitlist_entries').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('waitlist_entries').execute();
  await db.schema.alterTable('products').dropColumn('waitlist_offer_hours').dropColumn('waitlist_residents_first').execute();
}
