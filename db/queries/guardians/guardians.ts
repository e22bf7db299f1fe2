// A child's guardians: the first (`dependants.guardian_id`) and, in shared custody, the second
// (`co_guardian_id`), each with their own account. Staff pages and the attendance list name them.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';

export interface ChildGuardian {
  id: number;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  /** The first guardian (the one who declared the child, or was left it). */
  first: boolean;
}

/** The guardians of each child, the first guardian first. */
export async function guardiansOf(db: Db, dependantIds: number[]): Promise<Map<number, ChildGuardian[]>> {
  const result = new Map<number, ChildGuardian[]>(dependantIds.map((id) => [id, []]));
  if (dependantIds.length === 0) return result;
  const rows = await db
    .selectFrom('dependants')
    .innerJoin('users', (join) => join.on(sql<boolean>`users.id in (dependants.guardian_id, dependants.co_guardian_id)`))
    .select(['dependants.id as dependantId', 'users.id', 'users.first_name', 'users.last_name', 'users.phone', sql<boolean>`users.id = dependants.guardian_id`.as('first')])
    .where('dependants.id', 'in', dependantIds)
    .orderBy('dependants.id')
    .orderBy(sql`users.id = dependants.guardian_id`, 'desc')
    .execute();
  for (const row of rows) result.get(row.dependantId)?.push({ id: row.id, firstName: row.first_name, lastName: row.last_name, phone: row.phone, first: row.first });
  return result;
}

/** A guardian's name as the other guardian and staff read it. */
export const guardianName = (guardian: Pick<ChildGuardian, 'firstName' | 'lastName'>): string => [guardian.firstName, guardian.lastName].filter(Boolean).join(' ') || 'l’autre parent';

/** The other guardian of a shared child, seen from one of them (none when the child is not shared). */
export async function otherGuardian(db: Db, dependantId: number, userId: number): Promise<ChildGuardian | null> {
  const guardians = (await guardiansOf(db, [dependantId])).get(dependantId) ?? [];
  if (guardians.length < 2 || !guardians.some((g) => g.id === userId)) return null;
  return guardians.find((g) => g.id !== userId) ?? null;
}

/**
 * Ends the sharing: the second guardian no longer sees the child, whoever of the two asks. What
 * each booked and paid stays theirs; the rules both agreed end with it. What the second guardian
 * had not paid yet for the child goes: places in their cart (an order would make them bookings of
 * a child no longer theirs) and their waits, so no place is offered to them later. False when the
 * child was not shared; else the holds released, for their days' waiting lists. A PAI of the
 * child's file they uploaded stays the child's, now the remaining guardian's document.
 */
export async function endSharing(db: Db, input: { dependantId: number; userId: number; now: Date }): Promise<false | { releasedHoldIds: number[] }> {
  return db.transaction().execute(async (trx) => {
    const child = await trx
      .selectFrom('dependants')
      .select(['id', 'guardian_id', 'co_guardian_id'])
      .where('id', '=', input.dependantId)
      .where((eb) => eb.or([eb('guardian_id', '=', input.userId), eb('co_guardian_id', '=', input.userId)]))
      .forUpdate()
      .executeTakeFirst();
    if (!child || child.co_guardian_id === null) return false;
    await trx.updateTable('dependants').set({ co_guardian_id: null }).where('id', '=', child.id).execute();
    const leaving = child.co_guardian_id;
    // Places already in an order under way stay: that order pays for them or gives them back.
    const released = await trx
      .updateTable('holds')
      .set({ state: 'released', ended_at: input.now })
      .where('dependant_id', '=', child.id)
      .where('user_id', '=', leaving)
      .where('state', '=', 'held')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('order_lines').select('order_lines.id').whereRef('order_lines.hold_id', '=', 'holds.id'))))
      .returning('id')
      .execute();
    const releasedHoldIds = released.map((row) => row.id);
    // A PAI the leaving guardian uploaded is the child's: it stays with the guardian who keeps the
    // child, out of the leaver's documents (and of their erasure, which could not delete it).
    await trx
      .updateTable('documents')
      .set({ owner_id: child.guardian_id })
      .where('owner_id', '=', leaving)
      .where('id', 'in', trx.selectFrom('child_health_records').select('pai_document_id').where('dependant_id', '=', child.id).where('pai_document_id', 'is not', null).$narrowType<{ pai_document_id: number }>())
      .execute();
    await trx.updateTable('waitlist_entries').set({ status: 'left', ended_at: input.now }).where('dependant_id', '=', child.id).where('user_id', '=', leaving).where('status', '=', 'waiting').execute();
    if (releasedHoldIds.length > 0) {
      await trx.updateTable('waitlist_entries').set({ status: 'declined', ended_at: input.now }).where('offer_hold_id', 'in', releasedHoldIds).where('status', '=', 'offered').execute();
    }
    await trx.updateTable('custody_rules').set({ state: 'withdrawn', ended_at: input.now }).where('dependant_id', '=', child.id).where('state', '=', 'pending').execute();
    await trx.updateTable('custody_rules').set({ state: 'replaced', ended_at: input.now }).where('dependant_id', '=', child.id).where('state', '=', 'agreed').execute();
    await trx.insertInto('child_file_changes').values({ dependant_id: child.id, section: 'guardians', summary: 'Garde partagée terminée : l’enfant n’a plus qu’un responsable sur la plateforme.', changed_by: input.userId, changed_at: input.now }).execute();
    return { releasedHoldIds };
  });
}
