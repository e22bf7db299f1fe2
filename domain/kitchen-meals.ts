// What the kitchen cooks, in its words: a prestation's label becomes the meal it includes (« Journée
// + Repas » is a « Repas », a canteen's « Repas sans porc » stays one, a PAI basket is the family's
// « Panier repas »), and the child's fiche sanitaire gives what their plate needs.
import { dietLabel } from './child-file.ts';

export const PAI_BASKET = 'Panier repas (PAI)';

/** A PAI basket: the family brings the meal, the kitchen serves none but must know. */
export const isPaiLabel = (label: string): boolean => /\bPAI\b/.test(label);

/** The meal a prestation includes, as the kitchen names it. */
export function kitchenMeal(label: string): string {
  const trimmed = label.trim();
  if (isPaiLabel(trimmed)) return PAI_BASKET;
  if (/^repas\b/i.test(trimmed)) return trimmed;
  if (/\brepas\b/i.test(trimmed)) return 'Repas';
  return trimmed;
}

export const PAI_NEED = 'PAI : panier-repas';
export const ALLERGY_NEED = 'Allergie signalée';
const PAI_DIET = 'pai-panier';

/** What the fiche sanitaire says of the plate, and only that (never treatments or notes). */
export interface PlateFacts {
  allergies: string | null;
  diets: string[];
  has_pai: boolean;
}

/**
 * What the cook must know of one child's plate, each as a kind (counted on every day, without
 * names) and as the words shown beside the child's name on the day of the service.
 */
export function plateNeeds(facts: PlateFacts | undefined, onPaiBasket: boolean): { kind: string; words: string }[] {
  const needs: { kind: string; words: string }[] = [];
  if (onPaiBasket || facts?.has_pai || facts?.diets.includes(PAI_DIET)) needs.push({ kind: PAI_NEED, words: PAI_NEED });
  if (facts?.allergies) needs.push({ kind: ALLERGY_NEED, words: `allergies : ${facts.allergies}` });
  for (const diet of facts?.diets ?? []) if (diet !== PAI_DIET) needs.push({ kind: dietLabel(diet), words: dietLabel(diet) });
  return needs;
}
