// The catalogue data behind the product pages (the product, its prestations, offers and pricing
// rules) changes a few times a season, while on opening day every parent's page asks for the same
// product many times a second. Kept 5 seconds, loaded once however many ask at the same moment:
// a change by staff reaches every page within that time. Places left are never cached.
import { LRUCache } from 'lru-cache';
import type { Db } from '../../db/connection.ts';
import { productForBooking } from '../../db/queries/booking/index.ts';
import { productDetail } from '../../db/queries/catalogue/catalogue.ts';

const TTL_MS = 5_000;

function cached<T>(load: (id: number) => Promise<T>): (id: number) => Promise<T> {
  // Wrapped, so that "no such product" is remembered too.
  const cache = new LRUCache<number, { value: T }>({ max: 1_000, ttl: TTL_MS, fetchMethod: async (id) => ({ value: await load(id) }) });
  return async (id) => (await cache.fetch(id))!.value;
}

export interface ProductCache {
  forBooking: (id: number) => ReturnType<typeof productForBooking>;
  detail: (id: number) => ReturnType<typeof productDetail>;
}

export function createProductCache(db: Db): ProductCache {
  return { forBooking: cached((id) => productForBooking(db, id)), detail: cached((id) => productDetail(db, id)) };
}
