import { describe, expect, it } from 'vitest';
import { isPaid, settledOutcome, type PaymentOutcome } from './card-outcome.ts';

describe('card outcome', () => {
  it.each<[PaymentOutcome, boolean, ReturnType<typeof settledOutcome>]>([
    ['paid', true, 'paid'],
    // "00015": a reused reference could say it; only staff can tell.
    ['already-paid', false, 'to-reconcile'],
    ['cancelled', false, 'cancelled'],
    ['refused', false, 'refused'],
    ['error', false, 'refused'],
    ['retry-backup', false, 'refused'],
  ])('%s: paid %s, settles as %s', (outcome, paid, settled) => {
    expect(isPaid(outcome)).toBe(paid);
    expect(settledOutcome(outcome)).toBe(settled);
  });
});
