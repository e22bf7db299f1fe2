// The tables the commune's side writes: the audit log of staff actions, attendance, exceptional
// closures and card refunds made at the provider. Part of the `Database` interface of
// database.ts (the schema test reads both).
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, IsoDate, Timestamp } from './column-types.ts';

export interface AuditLogTable {
  id: Generated<number>;
  idempotency_key: string | null;
  actor_id: number | null;
  action: string;
  subject_type: string;
  subject_id: number;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: CreatedAt;
}

export interface AttendanceTable {
  reservation_id: number;
  status: 'present' | 'absent';
  reason: string | null;
  method: 'list' | 'code';
  recorded_by: number;
  recorded_at: Timestamp;
}

export interface ClosuresTable {
  id: Generated<number>;
  product_id: number;
  first_day: IsoDate;
  last_day: IsoDate;
  reason: string;
  created_by: number;
  created_at: CreatedAt;
  state: ColumnType<'running' | 'done', 'running' | 'done' | undefined, 'running' | 'done'>;
  /** Counted when the days are closed; null until then. */
  reservations_total: number | null;
  reservations_done: ColumnType<number, number | undefined, number>;
  refunded_cents: ColumnType<number, number | undefined, number>;
  families_mailed: ColumnType<number, number | undefined, number>;
}

export type CardRefundState = 'requested' | 'done' | 'refused' | 'to-wallet';

/**
 * A card refund decided by staff: requested, then done by the provider (its reference kept) or by
 * the régie's transfer, or refused by the provider (tried again, or given to the wallet instead).
 */
export interface CardRefundsTable {
  id: Generated<number>;
  payment_id: number;
  reservation_id: number;
  amount_cents: number;
  provider_reference: string | null;
  staff_id: number;
  state: ColumnType<CardRefundState, CardRefundState | undefined, CardRefundState>;
  method: ColumnType<'provider' | 'transfer', 'provider' | 'transfer' | undefined, 'provider' | 'transfer'>;
  /** The try at the provider: each asks its own question (NUMQUESTION), a retry of one asks the same. */
  attempt: ColumnType<number, number | undefined, number>;
  /** The provider's answer to the last try (CODEREPONSE, COMMENTAIRE). */
  provider_code: string | null;
  provider_comment: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
