import { describe, expect, it } from 'vitest';
import { pageCount, parseListing, productCountLine, resultsLine } from './catalogue.ts';

describe('catalogue listings', () => {
  it('read the query with safe defaults', () => {
    expect(parseListing({})).toEqual({ sort: 'nom', pageSize: 12, page: 1 });
    expect(parseListing({ tri: 'prix-desc', afficher: '24', page: '3' })).toEqual({ sort: 'prix-desc', pageSize: 24, page: 3 });
    expect(parseListing({ tri: "'; drop table", afficher: '1000000', page: '-1' })).toEqual({ sort: 'nom', pageSize: 12, page: 1 });
  });

  it('say which results are shown', () => {
    expect(resultsLine(1, { sort: 'nom', pageSize: 12, page: 1 })).toBe('Résultats 1 - 1 sur 1.');
    expect(resultsLine(30, { sort: 'nom', pageSize: 12, page: 3 })).toBe('Résultats 25 - 30 sur 30.');
    expect(resultsLine(0, { sort: 'nom', pageSize: 12, page: 1 })).toBe('Aucun résultat.');
    expect(pageCount(30, 12)).toBe(3);
    expect(pageCount(0, 12)).toBe(1);
  });

  it('count products as the reference does', () => {
    expect(productCountLine(1)).toBe('IL Y A 1 PRODUIT');
    expect(productCountLine(3)).toBe('IL Y A 3 PRODUITS');
    expect(productCountLine(0)).toBe('AUCUN PRODUIT POUR LE MOMENT');
  });
});
