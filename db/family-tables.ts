// Tables of the family's account beyond its booking: its e-tickets and its saved lists. Part of
// the `Database` interface of database.ts (the schema test reads this file too).
import type { Generated } from 'kysely';
import type { CreatedAt } from './database.ts';

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
