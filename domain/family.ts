// Rules for the people of a family ("Mes filiations") and their addresses.
import { parseIsoDate, type IsoDate } from './dates.ts';

export const relationships = [
  { value: 'enfant', label: 'Enfant' },
  { value: 'conjoint', label: 'Conjoint(e)' },
  { value: 'autre', label: 'Autre' },
] as const;

export type RelationshipValue = (typeof relationships)[number]['value'];

export const relationshipLabel = (value: string) => relationships.find((r) => r.value === value)?.label ?? value;

/** Why a birth date cannot be right, or null: it must be a real day, in the past, and plausible. */
export function birthDateProblem(value: IsoDate, today: IsoDate): string | null {
  try {
    parseIsoDate(value);
  } catch {
    return "La date de naissance n'est pas une date valide.";
  }
  if (value >= today) return 'La date de naissance doit être dans le passé.';
  const [year] = today.split('-');
  if (value < `${Number(year) - 120}${today.slice(4)}`) return 'La date de naissance semble erronée (plus de 120 ans).';
  return null;
}

/** A French postal code: five digits, from 01000 to 98999 (overseas included). */
export function isPostalCode(value: string): boolean {
  return /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/.test(value);
}
