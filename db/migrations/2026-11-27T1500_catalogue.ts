// Communes, their service offers and their products with prestations and dated slots.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('communes')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('mairie_label', 'text', (col) => col.notNull())
    .addColumn('phone', 'text')
    .execute();

  await db.schema
    .createTable('service_offers')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('commune_id', 'bigint', (col) => col.notNull().references('communes.id').onDelete('cascade'))
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .addUniqueConstraint('service_offers_commune_label_key', ['commune_id', 'label'])
    .execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('commune_id', 'bigint', (col) => col.notNull().references('communes.id').onDelete('cascade'))
    .addColumn('category', 'text', (col) =>
      col.notNull().check(
        sql`category in ('cantines', 'garderies', 'ramassage-scolaire', 'centres-de-loisirs', 'velo-en-velay', 'pass-card', 'sports', 'demarches-en-ligne')`,
      ),
    )
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('dated', 'ticket', 'subscription')`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('provider_label', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('weekdays', sql`smallint[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('season_start', 'date', (col) => col.notNull())
    .addColumn('season_end', 'date', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('products_commune_name_key', ['commune_id', 'name'])
    .addCheckConstraint('products_season_check', sql`season_start <= season_end`)
    .execute();
  await db.schema.createIndex('products_category_idx').on('products').column('category').execute();

  // The subscriptions that allow buying a product: any one of them, validated, is enough
  // (a resident and a non-resident offer may open the same product).
  await db.schema
    .createTable('product_offers')
    .addColumn('product_id', 'bigint', (col) => col.notNull().references('products.id').onDelete('cascade'))
    .addColumn('service_offer_id', 'bigint', (col) => col.notNull().references('service_offers.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('product_offers_pkey', ['product_id', 'service_offer_id'])
    .execute();
  await db.schema.createIndex('product_offers_offer_idx').on('product_offers').column('service_offer_id').execute();

  await db.schema
    .createTable('prestations')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('product_id', 'bigint', (col) => col.notNull().references('products.id').onDelete('cascade'))
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('price_cents', 'integer', (col) => col.notNull().check(sql`price_cents >= 0`))
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .addUniqueConstraint('prestations_product_label_key', ['product_id', 'label'])
    .execute();

  await db.schema
    .createTable('slots')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('product_id', 'bigint', (col) => col.notNull().references('products.id').onDelete('cascade'))
    .addColumn('prestation_id', 'bigint', (col) => col.notNull().references('prestations.id').onDelete('cascade'))
    .addColumn('service_date', 'date', (col) => col.notNull())
    .addColumn('capacity', 'integer', (col) => col.notNull().check(sql`capacity >= 0`))
    .addUniqueConstraint('slots_prestation_date_key', ['prestation_id', 'service_date'])
    .execute();
  await db.schema.createIndex('slots_product_date_idx').on('slots').columns(['product_id', 'service_date']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['slots', 'prestations', 'product_offers', 'products', 'service_offers', 'communes']) {
    await db.schema.dropTable(table).execute();
  }
}
