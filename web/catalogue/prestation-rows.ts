// The prestations of a new product as staff type them, one row each (label and price in euros), as
// many as the product has: read into prestations, or refused with a message next to each wrong
// field of its row only.
import { parseEuros } from '../../domain/money.ts';
import { postedRows } from '../forms/form-rows.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';

export const PRESTATION_PREFIXES = ['libelle', 'prix'] as const;
/** Far beyond any product (the Rosières Wednesday accueil has six): it only bounds what a post may ask. */
export const MAX_PRESTATIONS = 40;

export function prestationsFromForm(values: FormValues): { prestations: { label: string; priceCents: number }[] } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const prestations: { label: string; priceCents: number }[] = [];
  const seen = new Set<string>();
  for (const row of postedRows(values, PRESTATION_PREFIXES, MAX_PRESTATIONS)) {
    const label = (values[`libelle_${row}`] ?? '').trim();
    const price = (values[`prix_${row}`] ?? '').trim();
    if (!label && !price) continue;
    const cents = parseEuros(price, { maxDigits: 4 });
    if (label.length < 2 || label.length > 80 || /[\u0000-\u001f\u007f]/.test(label)) errors[`libelle_${row}`] = 'Un libellé de 2 à 80 caractères.';
    else if (seen.has(label.toLowerCase())) errors[`libelle_${row}`] = 'Une autre prestation porte déjà ce libellé.';
    if (cents === null) errors[`prix_${row}`] = 'Un prix en euros, par exemple 7,90.';
    seen.add(label.toLowerCase());
    if (cents !== null) prestations.push({ label, priceCents: cents });
  }
  if (Object.keys(errors).length > 0) return { errors };
  if (prestations.length === 0) return { errors: { prestations: 'Indiquez au moins une prestation avec son prix.' } };
  return { prestations };
}
