import { describe, expect, it } from 'vitest';
import { suggestedExpiry } from './document-validity.ts';

describe('suggestedExpiry', () => {
  it.each([
    ['attestation-caf', '2026-12-02', '2026-12-31'],
    ['justificatif-domicile', '2026-12-02', '2027-12-01'],
    ['attestation-assurance', '2028-02-29', '2029-02-28'],
    ['justificatif-domicile', '2027-01-01', '2027-12-31'],
    ['livret-famille', '2026-12-02', null],
    ['autre', '2026-12-02', null],
  ])('%s accepted on %s: valid until %s', (kind, day, expected) => {
    expect(suggestedExpiry(kind, day)).toBe(expected);
  });
});
