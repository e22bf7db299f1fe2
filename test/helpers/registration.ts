// Yearly registration fixtures: a campaign of Rosières on the demo product for the school year of
// the catalogue's season, and a child's file filled as the family's pages would (the fiche
// sanitaire, the four authorisations, a person to call).
import type { Db } from '../../db/connection.ts';
import { createCampaign, openCampaign } from '../../db/queries/registration/campaigns.ts';
import { schoolYearOfDay } from '../../domain/registration.ts';
import { demoProduct } from './booking.ts';

/** A campaign of the demo product for the school year of `seasonDay`, opened at `now` unless said. */
export async function demoCampaign(db: Db, options: { seasonDay: string; staffId: number; now: Date; today: string; whenIncomplete?: 'block' | 'top-tier'; documents?: string[]; open?: boolean }) {
  const product = await demoProduct(db);
  const schoolYear = schoolYearOfDay(options.seasonDay);
  const id = await createCampaign(db, {
    communeId: product.commune_id,
    schoolYear,
    opensOn: options.today,
    closesOn: `${schoolYear.slice(5)}-06-30`,
    productIds: [product.id],
    requiredDocuments: options.documents ?? [],
    whenIncomplete: options.whenIncomplete ?? 'block',
    staffId: options.staffId,
    now: options.now,
  });
  if (id === 'foreign-product') throw new Error('foreign product');
  const families = options.open === false ? [] : await openCampaign(db, id, options.staffId, options.now, options.today);
  return { id, schoolYear, product, families };
}

/** The child's file as complete as a campaign asks, saved at `now`. */
export async function fillChildFile(db: Db, dependantId: number, schoolYear: string, now: Date, parts: { health?: boolean; authorisations?: boolean; contact?: boolean } = {}) {
  if (parts.health !== false) {
    const last = await db.selectFrom('child_health_records').select((eb) => eb.fn.max('version').as('version')).where('dependant_id', '=', dependantId).executeTakeFirst();
    await db.insertInto('child_health_records').values({ dependant_id: dependantId, version: Number(last?.version ?? 0) + 1, allergies: 'Arachide', recorded_at: now }).execute();
  }
  if (parts.authorisations !== false) {
    for (const kind of ['photo-video', 'home-alone', 'transport', 'emergency-care'] as const) {
      await db.insertInto('child_authorisations').values({ dependant_id: dependantId, school_year: schoolYear, kind, granted: kind !== 'home-alone', given_at: now }).onConflict((oc) => oc.doNothing()).execute();
    }
  }
  if (parts.contact !== false) {
    await db.insertInto('child_contacts').values({ dependant_id: dependantId, first_name: 'Mamie', last_name: 'Pardon', phone: '06 00 00 00 00', relationship: 'grand-mère', is_emergency: true, created_at: now, updated_at: now }).execute();
  }
}
