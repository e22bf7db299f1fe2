import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareCents, splitOrder } from './regies.ts';

const lines = fc.array(fc.record({ productId: fc.nat(1000), regieId: fc.integer({ min: 1, max: 3 }), cents: fc.integer({ min: 0, max: 50_000 }) }), { minLength: 1, maxLength: 8 });

describe('sharing an order among its products', () => {
  it('gives each product its part in proportion, the cents left to the largest remainders', () => {
    expect(shareCents([{ cents: 1 }, { cents: 1 }, { cents: 1 }], 100).map((s) => s.cents)).toEqual([34, 33, 33]);
    expect(shareCents([{ cents: 790 }, { cents: 210 }], 500).map((s) => s.cents)).toEqual([395, 105]);
    expect(shareCents([{ cents: 0 }, { cents: 0 }], 7).map((s) => s.cents)).toEqual([7, 0]);
  });

  it('always adds up: shares to the total, each product’s wallet and card parts to its share', () => {
    fc.assert(
      fc.property(lines, fc.nat(100_000), fc.nat(100_000), (products, wallet, card) => {
        const split = splitOrder(products, wallet, card);
        expect(split.reduce((sum, s) => sum + s.walletCents, 0)).toBe(wallet);
        expect(split.reduce((sum, s) => sum + s.cardCents, 0)).toBe(card);
        for (const share of split) {
          expect(share.walletCents).toBeGreaterThanOrEqual(0);
          expect(share.cardCents).toBeGreaterThanOrEqual(0);
        }
        // The same order split twice (the wallet's debit, then its refund) gives the same parts.
        expect(splitOrder(products, wallet, card)).toEqual(split);
      }),
    );
  });
});
