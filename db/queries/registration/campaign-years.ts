// The school years a family is asked a dossier for: those of the opened campaigns of its commune or
// sent to it, whose school year is not over. The child's file offers their authorisations at once,
// since a campaign for next year opens months before the June the file would offer it otherwise.
import type { Db } from '../../connection.ts';
import { schoolYearSeason } from '../../../domain/registration.ts';

export async function campaignSchoolYears(db: Db, family: { userId: number; communeId: number | null }, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('registration_campaigns')
    .select('school_year')
    .where('opened_at', 'is not', null)
    .where((eb) =>
      eb.or([
        ...(family.communeId === null ? [] : [eb('commune_id', '=', family.communeId)]),
        eb('id', 'in', eb.selectFrom('registration_families').select('campaign_id').where('user_id', '=', family.userId)),
      ]),
    )
    .execute();
  return [...new Set(rows.map((row) => row.school_year))].filter((year) => schoolYearSeason(year).end >= today).sort();
}
