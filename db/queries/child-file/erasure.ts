// The child's file in an erasure: the health records, authorisations and log of the children
// given go; their persons stay anonymised, since the departures staff recorded point to them.
// One step over a list of children, so that the erasure can leave out a child another guardian
// keeps.
import type { Db } from '../../connection.ts';

export async function eraseChildFiles(db: Db, dependantIds: number[], now: Date): Promise<void> {
  if (dependantIds.length === 0) return;
  await db.deleteFrom('child_health_records').where('dependant_id', 'in', dependantIds).execute();
  await db.deleteFrom('child_authorisations').where('dependant_id', 'in', dependantIds).execute();
  await db.deleteFrom('child_file_changes').where('dependant_id', 'in', dependantIds).execute();
  await db
    .updateTable('child_contacts')
    .set({ first_name: 'Personne', last_name: 'Anonyme', phone: '-', relationship: '-', removed_at: now })
    .where('dependant_id', 'in', dependantIds)
    .execute();
}
