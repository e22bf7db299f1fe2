import { describe, expect, it } from 'vitest';
import { dietNote, kitchenMeal, PAI_BASKET } from './kitchen-meals.ts';

describe('the kitchen’s words', () => {
  it.each([
    ['Journée + Repas', 'Repas'],
    ['Matin + Repas', 'Repas'],
    ['Semaine avec repas (5 jours)', 'Repas'],
    ['Repas standard', 'Repas standard'],
    ['Repas sans porc', 'Repas sans porc'],
    ['PAI - panier repas fourni (allergie)', PAI_BASKET],
    ['Déjeuner', 'Déjeuner'],
  ])('%s is cooked as %s', (label, meal) => {
    expect(kitchenMeal(label)).toBe(meal);
  });

  it('keeps only what concerns the plate from a child’s notes', () => {
    expect(dietNote('Allergie aux œufs. Récupéré par sa grand-mère')).toBe('Allergie aux œufs');
    expect(dietNote('PAI signé ; sans gluten')).toBe('PAI signé ; sans gluten');
    expect(dietNote('Récupérée par son oncle')).toBeNull();
    expect(dietNote(null)).toBeNull();
  });
});
