// How many rows a list form shows: what was posted, one empty row after the last filled one, one
// more when asked, never past its bound; other numbered fields of the form are not its rows.
import { describe, expect, it } from 'vitest';
import { postedRows, rowsToShow } from './form-rows.ts';

const options = { prefixes: ['libelle', 'prix'], initial: 3, max: 10 } as const;

describe('rows of a list form', () => {
  it('shows the initial rows, every row posted, and one empty row after the last filled one', () => {
    expect(rowsToShow({}, options)).toBe(3);
    expect(rowsToShow({ libelle_1: 'Matin', prix_1: '7,90', libelle_2: '', prix_2: '', libelle_3: '', prix_3: '' }, options)).toBe(3);
    expect(rowsToShow({ libelle_3: 'Après-midi', libelle_4: '', prix_4: '' }, options)).toBe(4);
    expect(rowsToShow({ libelle_4: 'Journée' }, options)).toBe(5);
  });

  it('adds one row when asked, never past the bound, and reads no other numbered field', () => {
    expect(rowsToShow({ libelle_1: 'Matin' }, { ...options, adding: true })).toBe(4);
    expect(rowsToShow({ libelle_10: 'Dixième' }, { ...options, adding: true })).toBe(10);
    expect(rowsToShow({ libelle_999: 'x', qf_libelle_7: 'QF', fratrie_2: '10' }, options)).toBe(3);
    expect(postedRows({ prix_2: '', qf_libelle_4: 'QF', libelle_11: 'x' }, options.prefixes, options.max)).toEqual([1, 2]);
  });
});
