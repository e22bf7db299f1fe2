// The régies' vocabulary and the rule that shares an order's money among the products it pays,
// each product belonging to one régie: the same shares for the wallet's debit and its refund.

export const REGIE_METHODS = ['card', 'payfip-card', 'payfip-sepa', 'wallet', 'cash', 'cheque', 'cesu', 'cheques-vacances', 'transfer'] as const;
export type RegieMethod = (typeof REGIE_METHODS)[number];

export const METHOD_LABELS: Record<RegieMethod, string> = {
  card: 'Carte bancaire (Paybox)',
  'payfip-card': 'Carte bancaire (PayFiP)',
  'payfip-sepa': 'Prélèvement SEPA (PayFiP)',
  wallet: 'Porte-monnaie',
  cash: 'Espèces',
  cheque: 'Chèque',
  cesu: 'CESU',
  'cheques-vacances': 'Chèques vacances',
  transfer: 'Virement',
};

/** What staff record at the counter; each but cash carries the document's number. */
export const COUNTER_METHODS = ['cash', 'cheque', 'cesu', 'cheques-vacances'] as const satisfies readonly RegieMethod[];
export type CounterMethod = (typeof COUNTER_METHODS)[number];

export type RegieRole = 'regisseur' | 'suppleant';
export type JournalSeries = 'receipt' | 'refund';

export type JournalKind =
  /** Money received before what it will pay (compte 4713): a wallet top-up, by card or at the counter. */
  | 'top-up'
  /** An order's card part, received by card. */
  | 'card-payment'
  /** An order's wallet part: money received earlier, now used. */
  | 'wallet-payment'
  /** Given back to the family's wallet (a cancellation, a closure, an absence, an order not confirmed). */
  | 'refund-to-wallet'
  /** Given back to the card that paid, at the provider. */
  | 'card-refund'
  /** Given back by the régie's transfer (a provider without refunds). */
  | 'transfer-refund'
  /** Staff corrected a wallet, with a reason. */
  | 'adjustment'
  /** A leaving family's balance paid back by transfer. */
  | 'erasure-transfer';

export const KIND_LABELS: Record<JournalKind, string> = {
  'top-up': 'Recharge du porte-monnaie (recette perçue avant émission de titre)',
  'card-payment': 'Paiement de commande',
  'wallet-payment': 'Paiement par le porte-monnaie',
  'refund-to-wallet': 'Remboursement au porte-monnaie',
  'card-refund': 'Remboursement sur la carte',
  'transfer-refund': 'Remboursement par virement',
  adjustment: 'Ajustement du porte-monnaie',
  'erasure-transfer': 'Solde rendu par virement (effacement)',
};

/**
 * What a family's receipt says the money was for: a top-up in the family's words, without the
 * accounting's « recette perçue avant émission de titre » the régie's journal keeps.
 */
export const familyKindLabel = (kind: JournalKind): string => (kind === 'top-up' ? 'Recharge du porte-monnaie' : KIND_LABELS[kind]);

export interface ProductShare {
  productId: number;
  regieId: number;
  cents: number;
}

/**
 * Shares `total` among the products in proportion to their `weights` (their lines' prices), in
 * whole cents: each gets the floor of its part, and the cents left go one by one to the largest
 * remainders (the first product on a tie), so the shares always add up to the total.
 */
export function shareCents<T extends { cents: number }>(weights: T[], total: number): (T & { cents: number })[] {
  const weight = weights.reduce((sum, item) => sum + item.cents, 0);
  if (total === 0 || weights.length === 0) return weights.map((item) => ({ ...item, cents: 0 }));
  if (weight <= 0) return weights.map((item, index) => ({ ...item, cents: index === 0 ? total : 0 }));
  const exact = weights.map((item) => (item.cents * total) / weight);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((sum, cents) => sum + cents, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    shares[index]! += 1;
    left -= 1;
  }
  return weights.map((item, index) => ({ ...item, cents: shares[index]! }));
}

/**
 * An order's money per product: the wallet part shared in proportion to the lines' prices, and
 * the card part as what is left of each product's share of the total, so that each product's
 * wallet and card parts add up to its share and the shares to the order's total.
 */
export function splitOrder(lines: ProductShare[], walletCents: number, cardCents: number): { productId: number; regieId: number; walletCents: number; cardCents: number }[] {
  const totals = shareCents(lines, walletCents + cardCents);
  const wallet = shareCents(totals, walletCents);
  // A product's wallet share never exceeds its total share (shared from the totals, in proportion).
  return totals.map((share, index) => ({ productId: share.productId, regieId: share.regieId, walletCents: wallet[index]!.cents, cardCents: share.cents - wallet[index]!.cents }));
}

/** The year of a day of the books ('2026-12-08' → 2026): numbering restarts each year. */
export function bookYear(day: string): number {
  return Number(day.slice(0, 4));
}
