import { describe, expect, it } from 'vitest';
import { kitchenMeal, PAI_BASKET, plateNeeds } from './kitchen-meals.ts';

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

  it('takes from the fiche sanitaire only what concerns the plate', () => {
    expect(plateNeeds({ allergies: 'Œufs', diets: ['sans-porc'], has_pai: false }, false)).toEqual([
      { kind: 'Allergie signalée', words: 'allergies : Œufs' },
      { kind: 'Sans porc', words: 'Sans porc' },
    ]);
    expect(plateNeeds({ allergies: null, diets: ['pai-panier'], has_pai: true }, false)).toEqual([{ kind: 'PAI : panier-repas', words: 'PAI : panier-repas' }]);
    expect(plateNeeds(undefined, true)).toEqual([{ kind: 'PAI : panier-repas', words: 'PAI : panier-repas' }]);
    expect(plateNeeds(undefined, false)).toEqual([]);
    expect(plateNeeds({ allergies: null, diets: [], has_pai: false }, false)).toEqual([]);
  });
});
