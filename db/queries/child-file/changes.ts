// The family's log of the child's file: who changed which section and when, in a short summary
// that never holds a health detail (the other guardian reads it).
import type { Db } from '../../connection.ts';
import type { ChildFileSection } from '../../child-file-tables.ts';

export async function recordChange(db: Db, change: { dependantId: number; section: ChildFileSection; summary: string; userId: number; now: Date }): Promise<void> {
  await db
    .insertInto('child_file_changes')
    .values({ dependant_id: change.dependantId, section: change.section, summary: change.summary.slice(0, 300), changed_by: change.userId, changed_at: change.now })
    .execute();
}

/** The last changes, the newest first, each with the name of who made it. */
export function recentChanges(db: Db, dependantId: number, limit = 20) {
  return db
    .selectFrom('child_file_changes')
    .leftJoin('users', 'users.id', 'child_file_changes.changed_by')
    .select(['child_file_changes.id', 'child_file_changes.section', 'child_file_changes.summary', 'child_file_changes.changed_at', 'users.first_name', 'users.last_name', 'users.email'])
    .where('child_file_changes.dependant_id', '=', dependantId)
    .orderBy('child_file_changes.changed_at', 'desc')
    .orderBy('child_file_changes.id', 'desc')
    .limit(limit)
    .execute();
}

export type ChangeRow = Awaited<ReturnType<typeof recentChanges>>[number];
