// What a card payment's outcome, as the provider reports it, means for the money: one mapping for
// orders, wallet top-ups and payments that arrive after their order ended.

export type PaymentOutcome = 'paid' | 'refused' | 'cancelled' | 'pending' | 'retry-backup' | 'already-paid' | 'error';

/** The money was taken. */
export function isPaid(outcome: PaymentOutcome): boolean {
  return outcome === 'paid' || outcome === 'already-paid';
}

/** How a payment ends: paid, abandoned by the payer, or refused (any other answer). */
export function settledOutcome(outcome: PaymentOutcome): 'paid' | 'cancelled' | 'refused' {
  return isPaid(outcome) ? 'paid' : outcome === 'cancelled' ? 'cancelled' : 'refused';
}
