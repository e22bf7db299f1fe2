// The fiche sanitaire: every save a new version (the highest is the file, the others its
// history); a save that changes nothing writes no version, only that it was reviewed.
import { sameHealth, healthReviewedSummary, healthSummary, type HealthFields } from '../../../domain/child-file.ts';
import type { Db } from '../../connection.ts';
import { recordChange } from './changes.ts';

/** The child's fiche sanitaire as it stands (undefined: never filled). */
export function currentHealthRecord(db: Db, dependantId: number) {
  return db.selectFrom('child_health_records').selectAll().where('dependant_id', '=', dependantId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export type HealthRecord = NonNullable<Awaited<ReturnType<typeof currentHealthRecord>>>;

/** Saves a new version unless it is the current one; the version written, or null when unchanged. */
export async function saveHealthRecord(db: Db, input: { dependantId: number; fields: HealthFields; userId: number; now: Date }): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    // Two guardians saving at once: the child's row orders them, so versions never collide.
    await trx.selectFrom('dependants').select('id').where('id', '=', input.dependantId).forUpdate().executeTakeFirstOrThrow();
    const current = await currentHealthRecord(trx, input.dependantId);
    if (current && sameHealth(current, input.fields)) {
      // Read again and found right is an answer too: a yearly dossier asks for the fiche reviewed since its opening.
      await recordChange(trx, { dependantId: input.dependantId, section: 'health', summary: healthReviewedSummary(current.version), userId: input.userId, now: input.now });
      return null;
    }
    const version = (current?.version ?? 0) + 1;
    await trx
      .insertInto('child_health_records')
      .values({ dependant_id: input.dependantId, version, ...input.fields, recorded_by: input.userId, recorded_at: input.now })
      .execute();
    await recordChange(trx, { dependantId: input.dependantId, section: 'health', summary: healthSummary(version), userId: input.userId, now: input.now });
    return version;
  });
}

