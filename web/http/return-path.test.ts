import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path.ts';

const site = 'https://citoyens.example.fr';

describe('safeReturnPath', () => {
  it.each([
    ['/mon-compte', '/mon-compte'],
    ['/agent/validations/12?x=1', '/agent/validations/12?x=1'],
    ['/mon-compte#section', '/mon-compte'],
    ['/a/../mon-compte', '/mon-compte'],
  ])('keeps the path of this site: %s → %s', (input, expected) => {
    expect(safeReturnPath(input, site)).toBe(expected);
  });

  it.each([
    ['absolute URL', 'https://evil.example/'],
    ['scheme-relative', '//evil.example/'],
    ['backslash', '/\\evil.example'],
    ['backslash later', '/\\/evil.example/'],
    ['tab (the reported bypass)', '/\t/evil.example/'],
    ['newline', '/\n/evil.example/'],
    ['carriage return', '/\r\n/evil.example/'],
    ['NUL', '/\u0000/evil.example/'],
    ['DEL', '/\u007f/evil.example/'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['relative', 'mon-compte'],
    ['empty', ''],
    ['missing', undefined],
    ['too long', `/${'a'.repeat(600)}`],
  ])('refuses %s', (_name, input) => {
    expect(safeReturnPath(input, site)).toBeNull();
  });

  it('keeps encoded forms as inert paths of this site', () => {
    // A browser never decodes %2F or %09 into the authority of a path that starts with one "/".
    expect(safeReturnPath('/%2F%2Fevil.example/', site)).toBe('/%2F%2Fevil.example/');
    expect(safeReturnPath('/%09/evil.example/', site)).toBe('/%09/evil.example/');
    expect(safeReturnPath('/%5Cevil.example', site)).toBe('/%5Cevil.example');
  });
});
