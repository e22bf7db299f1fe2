// A catalogue page: a commune's ("MAIRIE DE ROSIÈRES", "IL Y A 1 PRODUIT") or a category's, with
// "Tri par", "Afficher", "Résultats 1 - 1 sur 1." and the product cards.
import type { Child } from 'hono/jsx';
import type { ProductCard } from '../../../db/queries/catalogue/catalogue.ts';
import { pageCount, pageSizes, productCountLine, resultsLine, sortOptions, type Listing } from '../../../domain/catalogue.ts';
import { formatEuros } from '../../../domain/money.ts';

export interface ListingPageProps {
  title: string;
  basePath: string;
  /** Query parameters to keep across sort and page links (e.g. the service a family came from). */
  keep?: Record<string, string>;
  listing: Listing;
  total: number;
  products: ProductCard[];
  showCommune: boolean;
  emptyText: string;
  /** What the page shows before its products (the online request forms of « Démarches en ligne »). */
  before?: Child;
}

function href(basePath: string, params: Record<string, string | number>): string {
  return `${basePath}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;
}

export function ListingPage({ title, basePath, keep = {}, listing, total, products, showCommune, emptyText, before }: ListingPageProps) {
  const pages = pageCount(total, listing.pageSize);
  return (
    <>
      <h1>{title}</h1>
      {before}
      <p class="count-line">{productCountLine(total)}</p>
      {total === 0 ? (
        <p>{emptyText}</p>
      ) : (
        <>
          <form method="get" action={basePath} class="listing-controls">
            {Object.entries(keep).map(([name, value]) => (
              <input type="hidden" name={name} value={value} />
            ))}
            <label for="tri">Tri par</label>
            <select id="tri" name="tri">
              {sortOptions.map((option) => (
                <option value={option.value} selected={option.value === listing.sort}>
                  {option.label}
                </option>
              ))}
            </select>
            <label for="afficher">Afficher</label>
            <select id="afficher" name="afficher">
              {pageSizes.map((size) => (
                <option value={String(size)} selected={size === listing.pageSize}>
                  {size} par page
                </option>
              ))}
            </select>
            <button class="button button--secondary" type="submit">
              Appliquer
            </button>
          </form>
          <p class="results-line">{resultsLine(total, listing)}</p>
          <ul class="product-cards">
            {products.map((product) => (
              <li class="product-card">
                <h2>
                  <a href={`/produits/${product.id}`}>{product.name}</a>
                </h2>
                <p>{product.provider_label}</p>
                {showCommune ? <p class="muted">{product.commune}</p> : null}
                {product.from_price_cents !== null ? <p>À partir de {formatEuros(product.from_price_cents)}</p> : null}
                <p>
                  <a class="button" href={`/produits/${product.id}`}>
                    Personnaliser<span class="visually-hidden"> : {product.name}</span>
                  </a>
                </p>
              </li>
            ))}
          </ul>
          {pages > 1 ? (
            <nav aria-label="Pages de résultats" class="pagination">
              <ul>
                {Array.from({ length: pages }, (_, index) => index + 1).map((page) => (
                  <li>
                    {page === listing.page ? (
                      <span aria-current="page">{page}</span>
                    ) : (
                      <a href={href(basePath, { ...keep, tri: listing.sort, afficher: listing.pageSize, page })}>
                        <span class="visually-hidden">Page </span>
                        {page}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
