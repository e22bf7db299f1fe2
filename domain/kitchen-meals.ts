// What the kitchen cooks, in its words: a prestation's label becomes the meal it includes (« Journée
// + Repas » is a « Repas », a canteen's « Repas sans porc » stays one, a PAI basket is the family's
// « Panier repas »), and a child's notes give the allergy or diet the kitchen must know.

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

const DIET = /allerg|\bPAI\b|r[ée]gime|intol[ée]ran|sans (porc|viande|gluten|lactose|lait|[œo]eufs?|arachides?|fruits à coque|poisson)|v[ée]g[ée]tarien|halal|casher|diab[èe]t|c[œo]eliaque/i;

/**
 * The parts of a child's notes that concern their plate (the notes also say who may collect the
 * child, which is not the kitchen's business); null when none does.
 */
export function dietNote(notes: string | null): string | null {
  if (!notes) return null;
  const parts = notes
    .split(/[.;\n]+/)
    .map((part) => part.trim())
    .filter((part) => DIET.test(part));
  return parts.length > 0 ? parts.join(' ; ') : null;
}
