import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { netLinePrices } from './net-prices.ts';

describe('netLinePrices', () => {
  it('keeps the prices without a discount', () => {
    expect(netLinePrices([790, 1140], 0)).toEqual([790, 1140]);
  });

  it('shares the discount in proportion, in whole cents, adding up to what was paid', () => {
    const net = netLinePrices([790, 790, 790], 500);
    expect(net.reduce((a, b) => a + b, 0)).toBe(2370 - 500);
    expect(net).toEqual([623, 623, 624]);
    expect(Math.max(...net) - Math.min(...net)).toBeLessThanOrEqual(1);
  });

  it('never refunds more than was paid: a 100 % voucher makes every line free', () => {
    expect(netLinePrices([790, 1140], 1930)).toEqual([0, 0]);
    expect(netLinePrices([790, 1140], 5000)).toEqual([0, 0]);
  });

  it.each([
    [[1, 1, 1], 2],
    [[333, 333, 334], 100],
    [[1000, 1], 999],
  ])('%j less %i adds up', (prices, discount) => {
    const net = netLinePrices(prices, discount);
    expect(net.reduce((a, b) => a + b, 0)).toBe(prices.reduce((a, b) => a + b, 0) - discount);
    expect(net.every((price, i) => price >= 0 && price <= prices[i]!)).toBe(true);
  });

  it('for any order and voucher: the lines add up to what was paid, each between 0 and its price, shares within a cent of proportional', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 5_000_000 }), (prices, discount) => {
        const total = prices.reduce((a, b) => a + b, 0);
        const net = netLinePrices(prices, discount);
        expect(net.reduce((a, b) => a + b, 0)).toBe(Math.max(0, total - Math.max(0, discount)));
        expect(net.every((price, i) => Number.isInteger(price) && price >= 0 && price <= prices[i]!)).toBe(true);
        if (total > 0 && discount > 0) {
          const applied = Math.min(discount, total);
          net.forEach((price, i) => expect(Math.abs(prices[i]! - price - (prices[i]! * applied) / total)).toBeLessThan(1));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
