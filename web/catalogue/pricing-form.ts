// The pricing rules of a product as staff type them: up to four quotient familial tiers (label,
// ceiling, percent of the base price; the last without a ceiling), a percent for families living
// elsewhere, a reduction for the second and for the third child and more. Read into the rules of
// domain/pricing.ts, or refused with a message per field.
import type { PricingRules } from '../../domain/pricing.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { QF_ROWS } from './views/pricing-fields.tsx';

const percent = (raw: string | undefined, max: number): number | null | undefined => {
  const value = (raw ?? '').trim();
  if (value === '') return undefined;
  if (!/^\d{1,3}$/.test(value) || Number(value) > max) return null;
  return Number(value);
};

export function pricingRulesFromForm(values: FormValues): { rules: PricingRules } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const rules: PricingRules = {};

  const rows = Array.from({ length: QF_ROWS }, (_, i) => ({
    label: (values[`qf_libelle_${i + 1}`] ?? '').trim(),
    upTo: (values[`qf_plafond_${i + 1}`] ?? '').trim(),
    percent: (values[`qf_taux_${i + 1}`] ?? '').trim(),
  })).filter((row) => row.label || row.upTo || row.percent);
  if (rows.length > 0) {
    const tiers = rows.map((row, i) => ({
      label: row.label,
      upTo: row.upTo === '' ? null : /^\d{1,6}$/.test(row.upTo) ? Number(row.upTo) : Number.NaN,
      percent: percent(row.percent, 500),
      last: i === rows.length - 1,
    }));
    const ceilings = tiers.filter((t) => t.upTo !== null).map((t) => t.upTo as number);
    if (tiers.some((t) => t.label.length < 1 || t.label.length > 40 || typeof t.percent !== 'number' || Number.isNaN(t.upTo))) {
      errors.qf = 'Chaque tranche a un libellé, un plafond de quotient en euros (sauf la dernière) et un taux de 0 à 500 %.';
    } else if (tiers.some((t) => !t.last && t.upTo === null) || tiers.at(-1)!.upTo !== null) {
      errors.qf = 'Seule la dernière tranche est sans plafond, et elle doit l’être.';
    } else if (ceilings.some((c, i) => i > 0 && c <= ceilings[i - 1]!)) {
      errors.qf = 'Les plafonds vont croissant, d’une tranche à la suivante.';
    } else {
      rules.qfTiers = tiers.map((t) => ({ label: t.label, upTo: t.upTo, percent: t.percent as number }));
    }
  }

  const nonResident = percent(values.hors_commune, 500);
  if (nonResident === null) errors.hors_commune = 'Un taux de 0 à 500 %, ou rien.';
  else if (nonResident !== undefined) rules.nonResidentPercent = nonResident;

  const siblings: NonNullable<PricingRules['siblingReductions']> = [];
  for (const rank of [2, 3]) {
    const off = percent(values[`fratrie_${rank}`], 100);
    if (off === null) errors[`fratrie_${rank}`] = 'Une réduction de 0 à 100 %, ou rien.';
    else if (off !== undefined) siblings.push({ rank, percentOff: off });
  }
  if (siblings.length > 0) rules.siblingReductions = siblings;

  return Object.keys(errors).length > 0 ? { errors } : { rules };
}

/** The form values that show stored rules again. */
export function pricingRulesToForm(rules: PricingRules): FormValues {
  const values: FormValues = {};
  rules.qfTiers?.forEach((tier, i) => {
    values[`qf_libelle_${i + 1}`] = tier.label;
    values[`qf_plafond_${i + 1}`] = tier.upTo === null ? '' : String(tier.upTo);
    values[`qf_taux_${i + 1}`] = String(tier.percent);
  });
  if (rules.nonResidentPercent !== undefined) values.hors_commune = String(rules.nonResidentPercent);
  for (const reduction of rules.siblingReductions ?? []) if (reduction.rank <= 3) values[`fratrie_${reduction.rank}`] = String(reduction.percentOff);
  return values;
}
