import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './guards.ts';

describe('safeReturnPath', () => {
  it.each([
    ['/mon-compte', '/mon-compte'],
    ['/agent/validations/12?x=1', '/agent/validations/12?x=1'],
    ['https://evil.example/', null],
    ['//evil.example/', null],
    ['/\\evil.example', null],
    ['mon-compte', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
