// Loads the reference data (`npm run db:seed`). Idempotent: every insert skips rows that exist,
// so a re-run changes nothing; it never creates an account.
import type { Db } from './connection.ts';
import { referenceCommunes } from './reference-data.ts';

export async function isSeeded(db: Db): Promise<boolean> {
  const row = await db.selectFrom('communes').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return row.count > 0;
}

/** The communes and their service offers; returns each commune's id by slug. */
export async function seedReferenceData(db: Db): Promise<Map<string, number>> {
  return db.transaction().execute(async (trx) => {
    const communeIds = new Map<string, number>();
    for (const commune of referenceCommunes) {
      await trx
        .insertInto('communes')
        .values({ slug: commune.slug, name: commune.name, mairie_label: commune.mairieLabel, phone: commune.phone })
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute();
      const { id } = await trx.selectFrom('communes').select('id').where('slug', '=', commune.slug).executeTakeFirstOrThrow();
      communeIds.set(commune.slug, id);
      await trx
        .insertInto('service_offers')
        .values(commune.offers.map((label, position) => ({ commune_id: id, label, position })))
        .onConflict((oc) => oc.constraint('service_offers_commune_label_key').doNothing())
        .execute();
    }
    return communeIds;
  });
}
