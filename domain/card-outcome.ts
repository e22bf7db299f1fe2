// What a card payment's outcome, as the provider reports it, means for the money: one mapping for
// orders, wallet top-ups and payments that arrive after their order ended.

export type PaymentOutcome = 'paid' | 'refused' | 'cancelled' | 'pending' | 'retry-backup' | 'already-paid' | 'error';

/**
 * The money was taken: "00000" only. "00015" (payment already made) says nothing of this payment:
 * a reference reused (another environment on the same merchant account, a database restored)
 * would confirm an order without money. It confirms nothing, and staff reconcile it.
 */
export function isPaid(outcome: PaymentOutcome): boolean {
  return outcome === 'paid';
}

/** How a payment ends: paid, to reconcile by staff, abandoned by the payer, or refused (any other answer). */
export function settledOutcome(outcome: PaymentOutcome): 'paid' | 'to-reconcile' | 'cancelled' | 'refused' {
  return isPaid(outcome) ? 'paid' : outcome === 'already-paid' ? 'to-reconcile' : outcome === 'cancelled' ? 'cancelled' : 'refused';
}
