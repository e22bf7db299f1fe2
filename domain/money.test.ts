import { describe, expect, it } from 'vitest';
import { formatEuros } from './money.ts';

describe('formatEuros', () => {
  it.each([
    [0, '0,00 €'],
    [5, '0,05 €'],
    [790, '7,90 €'],
    [3160, '31,60 €'],
    [100000, '1 000,00 €'],
    [123456789, '1 234 567,89 €'],
    [-2370, '-23,70 €'],
  ])('%i cents → %s', (cents, expected) => {
    // Spaces in French amounts are no-break spaces so "31,60 €" never wraps before the sign.
    expect(formatEuros(cents).replace(/[\u00a0\u202f]/g, ' ')).toBe(expected);
  });

  it('keeps the euro sign attached with a no-break space', () => {
    expect(formatEuros(790)).toBe('7,90\u00a0€');
  });

  it('refuses amounts that are not whole cents', () => {
    expect(() => formatEuros(7.9)).toThrow(RangeError);
  });
});
