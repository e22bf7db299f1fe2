// The tables of absences for illness: a declaration per child and product, with its days (each a
// reservation) and what each day gave back to the wallet. Part of the `Database` interface of
// database.ts (the schema test reads this file too).
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './column-types.ts';

export type AbsenceStatus = 'waiting-certificate' | 'waiting-staff' | 'accepted' | 'refused' | 'unjustified';

export interface AbsencesTable {
  id: Generated<number>;
  user_id: number;
  dependant_id: number;
  product_id: number;
  status: ColumnType<AbsenceStatus, AbsenceStatus | undefined, AbsenceStatus>;
  certificate_id: number | null;
  /** Without a certificate by then, the absence stands unjustified and nothing is credited. */
  certificate_due_at: Timestamp;
  refusal_reason: string | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  declared_at: Timestamp;
}

export interface AbsenceDaysTable {
  absence_id: number;
  reservation_id: number;
  /** The day's net paid price credited to the wallet, once the absence is accepted. */
  credited_cents: number | null;
}
