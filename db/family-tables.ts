// Tables of the family's account beyond its booking: its e-tickets, its saved lists, its erasure
// request and the addresses it left. Part of the `Database` interface of database.ts (the schema test reads this file too).
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './column-types.ts';

export interface BookingListsTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  product_id: number;
  prestation_id: number;
  /** The children's ids, as chosen. */
  children: number[];
  /** ISO weekdays (1 = lundi … 7 = dimanche) the list books. */
  weekdays: number[];
  created_at: CreatedAt;
}

/** A reservation's e-ticket: its code is what the QR code holds and staff scan. */
export interface ETicketsTable {
  id: Generated<number>;
  reservation_id: number;
  code: string;
  issued_at: CreatedAt;
}

/** A family's RGPD erasure request, kept once done as the proof of it (the IBAN then erased). */
export interface ErasureRequestsTable {
  id: Generated<number>;
  user_id: number;
  status: ColumnType<ErasureStatus, ErasureStatus | undefined, ErasureStatus>;
  iban: string | null;
  /** What the cancelled future reservations gave back to the wallet. */
  refunded_cents: ColumnType<number, number | undefined, number>;
  /** The wallet's balance, to be returned by transfer. */
  wallet_cents: number | null;
  wallet_reference: string | null;
  wallet_returned_by: number | null;
  wallet_returned_at: Timestamp | null;
  requested_at: ColumnType<Date, Date | undefined, never>;
  completed_at: Timestamp | null;
}

export type ErasureStatus = 'in-progress' | 'awaiting-wallet-return' | 'done';

/** An address a family left when it changed its e-mail (the erasure clears the mail sent to it). */
export interface FormerEmailsTable {
  user_id: number;
  email: string;
  left_at: ColumnType<Date, Date | undefined, never>;
}
