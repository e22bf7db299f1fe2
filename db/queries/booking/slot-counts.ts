// The places each slot counts as taken, against a recount of its held holds and confirmed
// reservations: the triggers that keep the count must never let the two differ.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';

/** Slots whose count differs from the recount (always none). */
export async function slotCountMismatches(db: Db): Promise<{ slot_id: number; taken: number; recount: number }[]> {
  const { rows } = await sql<{ slot_id: number; taken: number; recount: number }>`
    select s.id as slot_id, s.taken, c.recount from slots s,
    lateral (select ((select count(*) from holds h where h.slot_id = s.id and h.state = 'held')
      + (select count(*) from reservations r where r.slot_id = s.id and r.state = 'confirmed'))::int as recount) c
    where s.taken <> c.recount order by s.id`.execute(db);
  return rows;
}
