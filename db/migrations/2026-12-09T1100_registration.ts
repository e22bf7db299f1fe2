// The yearly registration (« dossier unique »): a commune's campaign for a school year names the
// products that need it, the document kinds required and what an incomplete family meets when it
// books them (refused, or the top price tier). The families it concerns are listed (those who
// booked its products, and any that opened their dossier), each child confirmed by the family, and
// the family marked complete once every child is.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('registration_campaigns')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('commune_id', 'bigint', (col) => col.notNull().references('communes.id'))
    .addColumn('school_year', 'text', (col) => col.notNull().check(sql`school_year ~ '^[0-9]{4}-[0-9]{4}$'`))
    .addColumn('opens_on', 'date', (col) => col.notNull())
    .addColumn('closes_on', 'date', (col) => col.notNull())
    .addColumn('required_documents', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('when_incomplete', 'text', (col) => col.notNull().check(sql`when_incomplete in ('block', 'top-tier')`))
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    // Set by « Ouvrir la campagne »: from then on its rules apply to bookings and families are reminded.
    .addColumn('opened_at', 'timestamptz')
    .addColumn('opened_by', 'bigint', (col) => col.references('users.id'))
    .addCheckConstraint('registration_campaigns_dates', sql`opens_on <= closes_on`)
    .execute();
  await db.schema.createIndex('registration_campaigns_commune_idx').on('registration_campaigns').columns(['commune_id', 'school_year']).execute();

  await db.schema
    .createTable('registration_campaign_products')
    .addColumn('campaign_id', 'bigint', (col) => col.notNull().references('registration_campaigns.id').onDelete('cascade'))
    .addColumn('product_id', 'bigint', (col) => col.notNull().references('products.id'))
    .addPrimaryKeyConstraint('registration_campaign_products_pkey', ['campaign_id', 'product_id'])
    .execute();
  // Booking asks, for a product, which campaigns hold it.
  await db.schema.createIndex('registration_campaign_products_product_idx').on('registration_campaign_products').column('product_id').execute();

  await db.schema
    .createTable('registration_families')
    .addColumn('campaign_id', 'bigint', (col) => col.notNull().references('registration_campaigns.id'))
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('joined_at', 'timestamptz', (col) => col.notNull())
    .addColumn('completed_at', 'timestamptz')
    .addPrimaryKeyConstraint('registration_families_pkey', ['campaign_id', 'user_id'])
    .execute();
  await db.schema.createIndex('registration_families_user_idx').on('registration_families').column('user_id').execute();

  await db.schema
    .createTable('registration_confirmations')
    .addColumn('campaign_id', 'bigint', (col) => col.notNull().references('registration_campaigns.id'))
    .addColumn('dependant_id', 'bigint', (col) => col.notNull().references('dependants.id'))
    .addColumn('confirmed_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('confirmed_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('registration_confirmations_pkey', ['campaign_id', 'dependant_id'])
    .execute();
  await db.schema.createIndex('registration_confirmations_dependant_idx').on('registration_confirmations').column('dependant_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('registration_confirmations').execute();
  await db.schema.dropTable('registration_families').execute();
  await db.schema.dropTable('registration_campaign_products').execute();
  await db.schema.dropTable('registration_campaigns').execute();
}
