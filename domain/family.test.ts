import { describe, expect, it } from 'vitest';
import { birthDateProblem, isPostalCode } from './family.ts';

describe('birthDateProblem', () => {
  it.each([
    ['2019-04-12', null],
    ['1950-01-01', null],
    ['2026-11-27', 'La date de naissance doit être dans le passé.'],
    ['2027-01-01', 'La date de naissance doit être dans le passé.'],
    ['1900-01-01', 'La date de naissance semble erronée (plus de 120 ans).'],
    ['2019-02-30', "La date de naissance n'est pas une date valide."],
    ['12/04/2019', "La date de naissance n'est pas une date valide."],
  ])('%s → %s', (value, expected) => {
    expect(birthDateProblem(value, '2026-11-27')).toBe(expected);
  });
});

describe('isPostalCode', () => {
  it.each([['43000', true], ['43700', true], ['97400', true], ['00100', false], ['4300', false], ['43 000', false], ['99000', false]])('%s → %s', (value, expected) => {
    expect(isPostalCode(value)).toBe(expected);
  });
});
