import { describe, expect, it } from 'vitest';
import { isPaid, settledOutcome, type PaymentOutcome } from './card-outcome.ts';

describe('card outcome', () => {
  it.each<[PaymentOutcome, boolean, 'paid' | 'cancelled' | 'refused']>([
    ['paid', true, 'paid'],
    ['already-paid', true, 'paid'],
    ['cancelled', false, 'cancelled'],
    ['refused', false, 'refused'],
    ['error', false, 'refused'],
    ['retry-backup', false, 'refused'],
  ])('%s: paid %s, settles as %s', (outcome, paid, settled) => {
    expect(isPaid(outcome)).toBe(paid);
    expect(settledOutcome(outcome)).toBe(settled);
  });
});
