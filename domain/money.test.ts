import { describe, expect, it } from 'vitest';
import { amountDue, formatEuros, parseEuros } from './money.ts';

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

describe('parseEuros', () => {
  it.each([
    ['7,90', 790],
    ['7.9', 790],
    [' 12 ', 1200],
    ['0,05', 5],
    ['999999', 99_999_900],
  ])('reads %s as %i cents', (text, cents) => {
    expect(parseEuros(text)).toBe(cents);
  });

  it.each(['', 'abc', '7,905', '1e3', '7,', ',50', '1234567', '-2,50', '7 90'])('refuses %j', (text) => {
    expect(parseEuros(text)).toBeNull();
  });

  it('takes a sign and a smaller size where the form allows them', () => {
    expect(parseEuros('-2,50', { allowNegative: true, maxDigits: 5 })).toBe(-250);
    expect(parseEuros('123456', { allowNegative: true, maxDigits: 5 })).toBeNull();
  });
});

describe('amountDue', () => {
  it('takes the discount off the total', () => {
    expect(amountDue(3160, 790)).toBe(2370);
    expect(amountDue(3160, 0)).toBe(3160);
  });
});
