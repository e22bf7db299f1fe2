// The money the families hold and pay: the wallets, their ledger and the card payments (Paybox,
// PayFiP). Part of the `Database` interface of database.ts (the schema test reads both).
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './column-types.ts';

export interface WalletAccountsTable {
  user_id: number;
  balance_cents: ColumnType<number, number | undefined, number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type WalletEntryKind = 'topup' | 'payment' | 'refund' | 'adjustment';

export interface WalletEntriesTable {
  id: Generated<number>;
  user_id: number;
  amount_cents: number;
  kind: WalletEntryKind;
  label: string;
  idempotency_key: string;
  created_by: number | null;
  created_at: CreatedAt;
}

export type PaymentState = 'pending' | 'paid' | 'refused' | 'cancelled' | 'expired' | 'to-reconcile';

export interface PaymentsTable {
  id: Generated<number>;
  user_id: number;
  purpose: 'topup' | 'order';
  method: 'card' | 'wallet';
  amount_cents: number;
  state: ColumnType<PaymentState, PaymentState | undefined, PaymentState>;
  reference: string;
  card_type: string | null;
  provider_transaction: string | null;
  provider_error: string | null;
  provider: ColumnType<PaymentProviderName, PaymentProviderName | undefined, PaymentProviderName>;
  /** The régie whose provider account took it. */
  regie_id: number | null;
  /** PayFiP's operation id (idOp), once its web service gave one. */
  payfip_idop: string | null;
  /** PayFiP's last answer: resultrans (P card paid, V SEPA debit paid, R/Z refused, A abandoned) or P1 (purged). */
  payfip_result: PayfipResult | null;
  /** Paybox's call and transaction numbers (NUMAPPEL, NUMTRANS), which its refund call names. */
  paybox_numappel: string | null;
  paybox_numtrans: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type PayfipResult = 'P' | 'V' | 'R' | 'Z' | 'A' | 'P1';

export type PaymentProviderName = 'paybox' | 'payfip';
