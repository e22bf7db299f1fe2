// The journal's side of a wallet movement: what each one is to the régies (a top-up received, a
// wallet used to pay products, a refund to the wallet, an adjustment, a balance paid back), as
// entries whose wallet effects add up to the movement, written in its transaction.
import type { Db } from '../../connection.ts';
import { KIND_LABELS, type JournalKind, type RegieMethod } from '../../../domain/regies.ts';
import { familyRegie, orderPartShares, recordJournal, reservationRegie, type JournalLine } from './journal.ts';

export type WalletJournal =
  /** An order's wallet part taken (a debit) or given back, or its card part given back to the wallet. */
  | { to: 'order'; orderId: number; part: 'wallet' | 'card' }
  /** A reservation's refund to the wallet. */
  | { to: 'reservation'; reservationId: number }
  /** Between the family and the régie answering for its wallet. */
  | {
      to: 'family';
      kind: Extract<JournalKind, 'top-up' | 'adjustment' | 'erasure-transfer'>;
      /** How the money came or went: a top-up's card or counter method; a transfer for an erasure. */
      method?: RegieMethod;
      regieId?: number | null;
      paymentId?: number;
      providerReference?: string | null;
      documentNumber?: string | null;
    };

/** A wallet movement as the journal reads it (db/queries/wallet/wallet.ts moves it). */
export interface JournalledMovement {
  userId: number;
  /** Positive to credit, negative to debit. */
  amountCents: number;
  label: string;
  idempotencyKey: string;
  createdBy?: number | null;
  /** When it happened (the product's clock), for the day of the régie's books. */
  at?: Date;
}

export async function journalWalletMovement(trx: Db, movement: JournalledMovement, walletEntryId: number, basis: WalletJournal): Promise<void> {
  const credit = movement.amountCents > 0;
  const cents = Math.abs(movement.amountCents);
  // The journal is append-only and kept for the accounts: its labels hold no free text (a staff
  // reason may name someone; an erasure rewrites the wallet entry's label, never the journal's).
  const common = { userId: movement.userId, walletEntryId, recordedBy: movement.createdBy ?? null, ...(movement.at ? { at: movement.at } : {}) };
  const lines: JournalLine[] = [];
  if (basis.to === 'order') {
    const { number, parts } = await orderPartShares(trx, basis.orderId, basis.part, cents);
    parts.forEach((part, index) => {
      lines.push({
        ...common, regieId: part.regieId, productId: part.productId, orderId: basis.orderId, amountCents: part.cents,
        label: credit ? `Remboursement de la commande ${number}` : `Commande ${number}`,
        kind: credit ? 'refund-to-wallet' : 'wallet-payment', series: credit ? 'refund' : 'receipt', method: 'wallet',
        walletCents: credit ? part.cents : -part.cents, key: `${movement.idempotencyKey}/journal-${index}`,
      });
    });
  } else if (basis.to === 'reservation') {
    const { regieId, productId } = await reservationRegie(trx, basis.reservationId);
    lines.push({ ...common, regieId, productId, amountCents: cents, label: `Réservation n° ${basis.reservationId}`, kind: credit ? 'refund-to-wallet' : 'wallet-payment', series: credit ? 'refund' : 'receipt', method: 'wallet', walletCents: movement.amountCents, key: `${movement.idempotencyKey}/journal` });
  } else {
    const method = basis.method ?? (basis.kind === 'erasure-transfer' ? 'transfer' : 'wallet');
    const regieId = basis.regieId ?? (await familyRegie(trx, movement.userId, basis.kind === 'top-up' ? method : undefined));
    // A top-up is money received; an adjustment's credit is given like a refund, its debit taken back like a receipt.
    const series = basis.kind === 'top-up' || (basis.kind === 'adjustment' && !credit) ? 'receipt' : 'refund';
    lines.push({
      ...common, regieId, amountCents: cents, kind: basis.kind, series, method, walletCents: movement.amountCents, label: KIND_LABELS[basis.kind],
      paymentId: basis.paymentId ?? null, providerReference: basis.providerReference ?? null, documentNumber: basis.documentNumber ?? null,
      key: `${movement.idempotencyKey}/journal`,
    });
  }
  const total = lines.reduce((sum, line) => sum + line.amountCents, 0);
  if (total !== cents) throw new Error(`journal of ${movement.idempotencyKey}: ${total} cents for a movement of ${cents}`);
  await recordJournal(trx, lines);
}
