import { describe, expect, it } from 'vitest';
import { voucherDiscount, voucherProblem, type Voucher, type VoucherContext } from './vouchers.ts';

const voucher: Voucher = { kind: 'amount', value: 500, validFrom: '2026-09-01', validUntil: '2027-07-04', minOrderCents: 1000, maxUses: 100, maxUsesPerFamily: 1, communeId: null, productId: null };
const context: VoucherContext = { today: '2026-11-27', orderTotalCents: 3160, usesTotal: 0, usesByFamily: 0, lines: [{ productId: 1, communeId: 4, priceCents: 3160 }] };

describe('vouchers', () => {
  it('take an amount or a percentage off, never more than what they concern', () => {
    expect(voucherDiscount(voucher, context)).toBe(500);
    expect(voucherDiscount({ ...voucher, kind: 'percent', value: 10 }, context)).toBe(316);
    expect(voucherDiscount({ ...voucher, value: 10_000 }, context)).toBe(3160);
    expect(voucherDiscount({ ...voucher, productId: 2 }, context)).toBe(0);
  });

  it.each([
    [{ validFrom: '2026-12-01' }, {}, "Ce bon de réduction n'est pas encore valable."],
    [{ validUntil: '2026-11-26' }, {}, "Ce bon de réduction n'est plus valable."],
    [{}, { usesTotal: 100 }, 'Ce bon de réduction a déjà été utilisé autant de fois que prévu.'],
    [{}, { usesByFamily: 1 }, 'Vous avez déjà utilisé ce bon de réduction.'],
    [{}, { orderTotalCents: 790 }, "Ce bon de réduction demande une commande d'au moins 10,00\u00a0€."],
    [{ communeId: 9 }, {}, 'Ce bon de réduction ne concerne aucun produit de votre commande.'],
    [{}, {}, null],
  ])('%o in %o → %s', (override, ctx, problem) => {
    expect(voucherProblem({ ...voucher, ...override }, { ...context, ...ctx })).toBe(problem);
  });
});
