import { describe, expect, it } from 'vitest';
import { computePrice, readPricingRules, totalCents, type PricingRules } from './pricing.ts';
import { formatEuros } from './money.ts';

const rules: PricingRules = {
  qfTiers: [
    { label: 'QF 1', upTo: 600, percent: 50 },
    { label: 'QF 2', upTo: 1000, percent: 75 },
    { label: 'QF 3', upTo: null, percent: 100 },
  ],
  nonResidentPercent: 120,
  siblingReductions: [
    { rank: 2, percentOff: 10 },
    { rank: 3, percentOff: 20 },
  ],
};

describe('computePrice', () => {
  it.each([
    // base, rules, QF, resident, rank → cents, note
    [790, {}, null, true, 1, 790, ''],
    [790, rules, 450, true, 1, 395, 'Tarif QF 1'],
    [790, rules, 800, true, 2, 534, 'Tarif QF 2, 2e enfant : -10 %'],
    [790, rules, null, true, 1, 790, 'Tarif QF 3'],
    [790, rules, 1000, true, 1, 593, 'Tarif QF 2'],
    [790, rules, 5000, false, 1, 948, 'Tarif QF 3, tarif hors commune'],
    [790, rules, 5000, true, 3, 632, 'Tarif QF 3, 3e enfant : -20 %'],
    [790, rules, 5000, true, 4, 632, 'Tarif QF 3, 4e enfant : -20 %'],
    [1140, { nonResidentPercent: 150 }, 300, true, 1, 1140, ''],
  ] as const)('%i cents, QF %s, resident %s, rank %i → %i (%s)', (baseCents, r, qf, resident, rank, cents, note) => {
    expect(computePrice({ baseCents, rules: r, quotientFamilial: qf, resident, siblingRank: rank })).toEqual({ cents, note });
  });

  it('adds up the reference example: 4 × 7,90 € = 31,60 €', () => {
    const one = computePrice({ baseCents: 790, rules: {}, quotientFamilial: null, resident: true, siblingRank: 1 }).cents;
    expect(formatEuros(totalCents([one, one, one, one])).replace('\u00a0', ' ')).toBe('31,60 €');
    expect(formatEuros(totalCents([one, one, one])).replace('\u00a0', ' ')).toBe('23,70 €');
  });

  it('charges the highest tier to a family whose yearly dossier is not complete, whatever its QF', () => {
    expect(computePrice({ baseCents: 790, rules, quotientFamilial: 450, resident: true, siblingRank: 1, topTier: true })).toEqual({ cents: 790, note: 'Tarif QF 3, dossier annuel incomplet' });
    const cheapestLast = { qfTiers: [{ label: 'QF A', upTo: 600, percent: 120 }, { label: 'QF B', upTo: null, percent: 80 }] };
    expect(computePrice({ baseCents: 1000, rules: cheapestLast, quotientFamilial: null, resident: true, siblingRank: 1, topTier: true }).cents).toBe(1200);
    expect(computePrice({ baseCents: 1000, rules: {}, quotientFamilial: 300, resident: true, siblingRank: 1, topTier: true })).toEqual({ cents: 1000, note: 'Dossier annuel incomplet' });
  });

  it('ignores stored rules that do not parse', () => {
    expect(readPricingRules({ qfTiers: 'beaucoup' })).toEqual({});
    expect(readPricingRules(null)).toEqual({});
    expect(readPricingRules(rules)).toEqual(rules);
  });
});
