// The public catalogue: a page per commune and a page per category of the header.
import { Hono } from 'hono';
import { categoryProducts, communeProducts, findCommune } from '../../db/queries/catalogue/catalogue.ts';
import { publishedRequestForms } from '../../db/queries/requests/index.ts';
import { parseListing } from '../../domain/catalogue.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { categories } from '../layout/categories.ts';
import { ListingPage } from './views/listing.tsx';
import { RequestFormsListing } from '../requests/index.ts';
import type { AccessTable } from '../http/access.ts';

/** Who may call each route below (see web/http/access.ts). */
export const catalogueAccess = {
  'GET /communes/:slug': { who: 'anyone', object: 'commune' },
  'GET /categories/:slug': { who: 'anyone', object: 'category' },
} satisfies AccessTable;

export function catalogueRoutes({ db }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  router.get('/communes/:slug{[a-z0-9-]{1,60}}', async (c) => {
    const commune = await findCommune(db, c.req.param('slug'));
    if (!commune) return c.notFound();
    const listing = parseListing(c.req.query());
    const service = /^\d{1,12}$/.test(c.req.query('service') ?? '') ? Number(c.req.query('service')) : undefined;
    const { total, products } = await communeProducts(db, commune.id, listing, service);
    return c.render(
      <ListingPage
        title={commune.mairie_label.toUpperCase()}
        basePath={`/communes/${commune.slug}`}
        keep={service ? { service: String(service) } : {}}
        listing={listing}
        total={total}
        products={products}
        showCommune={false}
        emptyText="Cette commune ne propose pas encore de produit en ligne."
      />,
      { title: commune.mairie_label },
    );
  });

  router.get('/categories/:slug{[a-z-]{1,40}}', async (c) => {
    const category = categories.find((entry) => entry.slug === c.req.param('slug'));
    if (!category) return c.notFound();
    const listing = parseListing(c.req.query());
    const { total, products } = await categoryProducts(db, category.slug, listing);
    return c.render(
      <ListingPage
        title={category.label}
        basePath={`/categories/${category.slug}`}
        listing={listing}
        total={total}
        products={products}
        showCommune
        emptyText={`Aucune commune ne propose encore de produit « ${category.label} » en ligne. Renseignez-vous auprès de votre mairie.`}
        // The online requests are forms to fill in, listed before what is booked.
        before={category.slug === 'demarches-en-ligne' ? <RequestFormsListing forms={await publishedRequestForms(db)} /> : undefined}
      />,
      { title: category.label },
    );
  });

  return router;
}
