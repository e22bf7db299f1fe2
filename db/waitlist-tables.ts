// The table of the waiting lists: a child waiting for a full day's prestation, in the order of its
// rank, and the place held for the family while it is offered. Part of the `Database` interface of
// database.ts (the schema test reads this file too).
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate, Timestamp } from './column-types.ts';

export type WaitlistStatus = 'waiting' | 'offered' | 'booked' | 'declined' | 'expired' | 'left';

export interface WaitlistEntriesTable {
  id: Generated<number>;
  slot_id: number;
  product_id: number;
  service_date: IsoDate;
  dependant_id: number;
  user_id: number;
  status: ColumnType<WaitlistStatus, WaitlistStatus | undefined, WaitlistStatus>;
  joined_at: Timestamp;
  /** The line's order: the joining time, or earlier when staff moved the family up. */
  rank_at: Timestamp;
  offer_hold_id: number | null;
  offered_until: Timestamp | null;
  ended_at: Timestamp | null;
}
