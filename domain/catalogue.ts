// Catalogue listings: the sort orders and page sizes offered ("Tri par", "Afficher") and the
// "Résultats 1 - 12 sur 30." line.

export const sortOptions = [
  { value: 'nom', label: 'Nom, de A à Z' },
  { value: 'nom-desc', label: 'Nom, de Z à A' },
  { value: 'prix', label: 'Prix, croissant' },
  { value: 'prix-desc', label: 'Prix, décroissant' },
] as const;
export type SortOption = (typeof sortOptions)[number]['value'];

export const pageSizes = [12, 24, 60] as const;

export interface Listing {
  sort: SortOption;
  pageSize: number;
  page: number;
}

/** Reads the listing's query parameters, falling back to defaults on anything unexpected. */
export function parseListing(query: { tri?: string | undefined; afficher?: string | undefined; page?: string | undefined }): Listing {
  const sort = sortOptions.find((option) => option.value === query.tri)?.value ?? 'nom';
  const pageSize = pageSizes.find((size) => String(size) === query.afficher) ?? pageSizes[0];
  const page = /^[1-9]\d{0,5}$/.test(query.page ?? '') ? Number(query.page) : 1;
  return { sort, pageSize, page };
}

export function resultsLine(total: number, listing: Listing): string {
  if (total === 0) return 'Aucun résultat.';
  const first = Math.min(total, (listing.page - 1) * listing.pageSize + 1);
  const last = Math.min(total, listing.page * listing.pageSize);
  return `Résultats ${first} - ${last} sur ${total}.`;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** "IL Y A 1 PRODUIT", "IL Y A 3 PRODUITS", as the reference platform titles a commune's page. */
export function productCountLine(total: number): string {
  if (total === 0) return 'AUCUN PRODUIT POUR LE MOMENT';
  return `IL Y A ${total} PRODUIT${total > 1 ? 'S' : ''}`;
}
