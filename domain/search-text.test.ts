import { describe, expect, it } from 'vitest';
import { foldText, searchWords, typedDay } from './search-text.ts';

describe('search text', () => {
  it('folds accents, ligatures and case', () => {
    expect(foldText('Noëllie CŒUR Hélène')).toBe('noellie coeur helene');
  });

  it('reads a day written the French way or as ISO, and nothing that is not a day', () => {
    expect(typedDay('13/01/2027')).toBe('2027-01-13');
    expect(typedDay('3.1.2027')).toBe('2027-01-03');
    expect(typedDay('2027-01-13')).toBe('2027-01-13');
    expect(typedDay('31/02/2027')).toBeNull();
    expect(typedDay('000001')).toBeNull();
  });

  it('splits words in any order', () => {
    expect(searchWords('  Pardon  Noëllie ')).toEqual(['pardon', 'noellie']);
  });
});
