// The public catalogue: products of a commune or of a category, sorted and paged, and one
// product with its prestations and the offers that open it.
import { sql } from 'kysely';
import type { Listing } from '../../../domain/catalogue.ts';
import type { Db } from '../../connection.ts';
import type { ProductCategory } from '../../database.ts';

export interface ProductCard {
  id: number;
  name: string;
  provider_label: string;
  commune: string;
  from_price_cents: number | null;
}

const orderings = {
  nom: [sql`products.name`, sql`products.id`],
  'nom-desc': [sql`products.name desc`, sql`products.id desc`],
  prix: [sql`from_price_cents nulls last`, sql`products.name`],
  'prix-desc': [sql`from_price_cents desc nulls last`, sql`products.name`],
};

async function listProducts(db: Db, filter: { communeId?: number; category?: ProductCategory; offerId?: number }, listing: Listing) {
  let query = db
    .selectFrom('products')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .where('products.published', '=', true)
    .$if(filter.communeId !== undefined, (q) => q.where('products.commune_id', '=', filter.communeId!))
    .$if(filter.category !== undefined, (q) => q.where('products.category', '=', filter.category!))
    .$if(filter.offerId !== undefined, (q) =>
      q.where((eb) => eb.exists(eb.selectFrom('product_offers').select('product_id').whereRef('product_offers.product_id', '=', 'products.id').where('service_offer_id', '=', filter.offerId!))),
    );
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const products = await query
    .select((eb) => [
      'products.id',
      'products.name',
      'products.provider_label',
      'communes.name as commune',
      eb.selectFrom('prestations').select((p) => p.fn.min<number>('price_cents').as('m')).whereRef('prestations.product_id', '=', 'products.id').as('from_price_cents'),
    ])
    .orderBy(orderings[listing.sort][0]!)
    .orderBy(orderings[listing.sort][1]!)
    .limit(listing.pageSize)
    .offset((listing.page - 1) * listing.pageSize)
    .execute();
  return { total, products: products as ProductCard[] };
}

export function findCommune(db: Db, slug: string) {
  return db.selectFrom('communes').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function communeProducts(db: Db, communeId: number, listing: Listing, offerId?: number) {
  return listProducts(db, { communeId, ...(offerId ? { offerId } : {}) }, listing);
}

export function categoryProducts(db: Db, category: ProductCategory, listing: Listing) {
  return listProducts(db, { category }, listing);
}

export async function productDetail(db: Db, id: number) {
  const product = await db
    .selectFrom('products')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .select([
      'products.id', 'products.name', 'products.provider_label', 'products.description', 'products.category', 'products.channel', 'products.required_documents', 'communes.name as commune', 'communes.slug as commune_slug',
      'communes.mairie_label', 'communes.phone as mairie_phone',
    ])
    .where('products.id', '=', id)
    .where('products.published', '=', true)
    .executeTakeFirst();
  if (!product) return null;
  const prestations = await db.selectFrom('prestations').select(['id', 'label', 'price_cents']).where('product_id', '=', id).orderBy('position').execute();
  const offers = await db
    .selectFrom('product_offers')
    .innerJoin('service_offers', 'service_offers.id', 'product_offers.service_offer_id')
    .select(['service_offers.id', 'service_offers.label'])
    .where('product_offers.product_id', '=', id)
    .orderBy('service_offers.position')
    .execute();
  return { ...product, prestations, offers };
}

/** The commune of the product a closure or an absence concerns: operators find their processes by it. */
export async function communeConcerned(db: Db, of: { closureId: number } | { absenceId: number }): Promise<string | null> {
  const productId =
    'closureId' in of ? db.selectFrom('closures').select('product_id').where('id', '=', of.closureId) : db.selectFrom('absences').select('product_id').where('id', '=', of.absenceId);
  const row = await db.selectFrom('products').innerJoin('communes', 'communes.id', 'products.commune_id').select('communes.name').where('products.id', '=', productId).executeTakeFirst();
  return row?.name ?? null;
}
