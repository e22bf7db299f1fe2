// The authorisations of a school year: one row per kind, changed in place (the log keeps who
// gave or withdrew each, and when); a kind answered as before is left as it was.
import { authorisationLabel, weekdayNames, type AuthorisationKind } from '../../../domain/child-file.ts';
import type { Db } from '../../connection.ts';
import { recordChange } from './changes.ts';

/** The child's authorisations of a school year (« 2026-2027 »), with who gave each. */
export function authorisationsFor(db: Db, dependantId: number, schoolYear: string) {
  return db
    .selectFrom('child_authorisations')
    .leftJoin('users', 'users.id', 'child_authorisations.given_by')
    .selectAll('child_authorisations')
    .select(['users.first_name as given_by_first_name', 'users.last_name as given_by_last_name', 'users.email as given_by_email'])
    .where('child_authorisations.dependant_id', '=', dependantId)
    .where('child_authorisations.school_year', '=', schoolYear)
    .orderBy('child_authorisations.kind')
    .execute();
}

export type AuthorisationRow = Awaited<ReturnType<typeof authorisationsFor>>[number];

export interface AuthorisationChoice {
  kind: AuthorisationKind;
  granted: boolean;
  /** Going home alone: the ISO weekdays; null for the other kinds. */
  weekdays: number[] | null;
}

const sameDays = (a: readonly number[] | null, b: readonly number[] | null) => [...(a ?? [])].sort((x, y) => x - y).join(',') === [...(b ?? [])].sort((x, y) => x - y).join(',');

/** Writes the answers that differ from those given; how many changed. */
export async function saveAuthorisations(db: Db, input: { dependantId: number; schoolYear: string; choices: AuthorisationChoice[]; userId: number; now: Date }): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('dependants').select('id').where('id', '=', input.dependantId).forUpdate().executeTakeFirstOrThrow();
    const given = await trx.selectFrom('child_authorisations').selectAll().where('dependant_id', '=', input.dependantId).where('school_year', '=', input.schoolYear).execute();
    let changed = 0;
    for (const choice of input.choices) {
      const before = given.find((row) => row.kind === choice.kind);
      const weekdays = choice.granted ? choice.weekdays : null;
      if (before && before.granted === choice.granted && sameDays(before.weekdays, weekdays)) continue;
      await trx
        .insertInto('child_authorisations')
        .values({ dependant_id: input.dependantId, school_year: input.schoolYear, kind: choice.kind, granted: choice.granted, weekdays, given_by: input.userId, given_at: input.now })
        .onConflict((oc) => oc.constraint('child_authorisations_key').doUpdateSet({ granted: choice.granted, weekdays, given_by: input.userId, given_at: input.now }))
        .execute();
      const days = choice.granted && weekdays && weekdays.length > 0 ? ` (${weekdayNames(weekdays)})` : '';
      // « Oui » / « non » after the label: « autorisé » would have to agree with each label (« Photo et vidéo », « Soins d'urgence »).
      const summary = `${authorisationLabel(choice.kind)} pour ${input.schoolYear} : ${choice.granted ? 'oui' : 'non'}${days}`;
      await recordChange(trx, { dependantId: input.dependantId, section: 'authorisations', summary, userId: input.userId, now: input.now });
      changed += 1;
    }
    return changed;
  });
}
