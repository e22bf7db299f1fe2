// The one pricing function: a prestation's base price, then the rules a product may carry —
// tiers by quotient familial (no QF known: the top tier), a price for families living outside
// the commune, a reduction by sibling rank for the same day. Integer cents throughout.
import { z } from 'zod';

export const pricingRulesSchema = z
  .object({
    /** Ascending tiers; a family falls in the first whose `upTo` is at least its QF. */
    qfTiers: z.array(z.object({ label: z.string(), upTo: z.number().int().nullable(), percent: z.number().int().min(0).max(500) })).optional(),
    /** Percent of the price charged to families living in another commune (e.g. 120). */
    nonResidentPercent: z.number().int().min(0).max(500).optional(),
    /** Reduction in percent by rank of the child booked for the same day (2 = second child). */
    siblingReductions: z.array(z.object({ rank: z.number().int().min(2), percentOff: z.number().int().min(0).max(100) })).optional(),
  })
  .strict();

export type PricingRules = z.infer<typeof pricingRulesSchema>;

export interface PriceInput {
  baseCents: number;
  rules: PricingRules;
  quotientFamilial: number | null;
  resident: boolean;
  /** 1 for the first child of the family booked that day, 2 for the second… */
  siblingRank: number;
  /** The family's yearly dossier is not complete and the campaign charges the highest tier (domain/registration.ts). */
  topTier?: boolean;
}

export interface Price {
  cents: number;
  /** How the price was reached, e.g. "Tarif QF 2, 2e enfant : -10 %"; empty for the base price. */
  note: string;
}

const percentOf = (cents: number, percent: number) => Math.round((cents * percent) / 100);

export function computePrice({ baseCents, rules, quotientFamilial, resident, siblingRank, topTier = false }: PriceInput): Price {
  let cents = baseCents;
  const notes: string[] = [];
  if (rules.qfTiers?.length) {
    const highest = rules.qfTiers.reduce((top, t) => (t.percent > top.percent ? t : top));
    const tier = topTier ? highest : ((quotientFamilial === null ? undefined : rules.qfTiers.find((t) => t.upTo === null || quotientFamilial <= t.upTo)) ?? rules.qfTiers.at(-1)!);
    cents = percentOf(cents, tier.percent);
    notes.push(`Tarif ${tier.label}`);
  }
  if (topTier) notes.push('dossier annuel incomplet');
  if (!resident && rules.nonResidentPercent !== undefined) {
    cents = percentOf(cents, rules.nonResidentPercent);
    notes.push('tarif hors commune');
  }
  const reduction = [...(rules.siblingReductions ?? [])].sort((a, b) => b.rank - a.rank).find((r) => siblingRank >= r.rank);
  if (reduction && reduction.percentOff > 0) {
    cents -= percentOf(cents, reduction.percentOff);
    notes.push(`${siblingRank}e enfant : -${reduction.percentOff} %`);
  }
  const note = notes.join(', ');
  return { cents, note: note ? note.charAt(0).toUpperCase() + note.slice(1) : '' };
}

/** A product's stored rules, or none when they do not parse (the base price then applies). */
export function readPricingRules(stored: unknown): PricingRules {
  const parsed = pricingRulesSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : {};
}

/**
 * The sibling rank a child takes on a day when booked with the chosen ones: children are ranked
 * eldest first (as the cart ranks them), counting only those booked together. `family` is the
 * family's children, eldest first.
 */
export function siblingRankWith(family: readonly number[], chosen: ReadonlySet<number>, childId: number): number {
  return family.filter((id) => id === childId || chosen.has(id)).indexOf(childId) + 1;
}

export function totalCents(prices: readonly number[]): number {
  return prices.reduce((sum, cents) => sum + cents, 0);
}
