// Loads the demo data. Idempotent: every insert skips rows that exist, so a re-run changes nothing.
import { sql } from 'kysely';
import { hashPassword } from '../activities/accounts/password-hash.ts';
import { parisDate } from '../domain/dates.ts';
import { schoolYearOf, serviceDays } from '../domain/school-year.ts';
import type { Db } from './connection.ts';
import { demoAccounts, demoCommunes, demoFamily, demoProducts } from './seed-data.ts';

export async function isSeeded(db: Db): Promise<boolean> {
  const row = await db.selectFrom('communes').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return row.count > 0;
}

export async function seedDemoData(db: Db, today = parisDate(new Date())): Promise<void> {
  const passwordHashes = await Promise.all(demoAccounts.map((account) => hashPassword(account.password)));
  await db.transaction().execute(async (trx) => {
    const communeIds = new Map<string, number>();
    for (const commune of demoCommunes) {
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

    const season = schoolYearOf(today);
    for (const product of demoProducts) {
      const communeId = communeIds.get(product.communeSlug)!;
      await trx
        .insertInto('products')
        .values({
          commune_id: communeId,
          name: product.name,
          provider_label: product.providerLabel,
          description: product.description,
          category: product.category,
          kind: 'dated',
          weekdays: product.weekdays,
          season_start: season.start,
          season_end: season.end,
        })
        .onConflict((oc) => oc.constraint('products_commune_name_key').doNothing())
        .execute();
      const stored = await trx
        .selectFrom('products')
        .select(['id', 'season_start', 'season_end', 'weekdays'])
        .where('commune_id', '=', communeId)
        .where('name', '=', product.name)
        .executeTakeFirstOrThrow();

      await trx
        .insertInto('product_offers')
        .columns(['product_id', 'service_offer_id'])
        .expression((eb) =>
          eb
            .selectFrom('service_offers')
            .select([sql<number>`${stored.id}::bigint`.as('product_id'), 'id'])
            .where('commune_id', '=', communeId)
            .where('label', 'in', product.offers),
        )
        .onConflict((oc) => oc.constraint('product_offers_pkey').doNothing())
        .execute();

      await trx
        .insertInto('prestations')
        .values(product.prestations.map((p, position) => ({ product_id: stored.id, label: p.label, price_cents: p.priceCents, position })))
        .onConflict((oc) => oc.constraint('prestations_product_label_key').doNothing())
        .execute();
      const prestations = await trx.selectFrom('prestations').select('id').where('product_id', '=', stored.id).execute();
      const days = serviceDays({ start: stored.season_start, end: stored.season_end }, stored.weekdays);
      const slots = prestations.flatMap((prestation) =>
        days.map((day) => ({ product_id: stored.id, prestation_id: prestation.id, service_date: day, capacity: product.capacity })),
      );
      if (slots.length > 0) {
        await trx
          .insertInto('slots')
          .values(slots)
          .onConflict((oc) => oc.constraint('slots_prestation_date_key').doNothing())
          .execute();
      }
    }

    for (const [index, account] of demoAccounts.entries()) {
      await trx
        .insertInto('users')
        .values({
          email: account.email,
          password_hash: passwordHashes[index]!,
          first_name: account.firstName,
          last_name: account.lastName,
          role: account.role,
          status: 'validated',
          phone: account.role === 'parent' ? '06 12 34 56 78' : null,
          commune_id: account.role === 'parent' ? communeIds.get(account.communeSlugs[0]!)! : null,
          password_changed_at: new Date(),
        })
        .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
        .execute();
      if (account.role !== 'staff') continue;
      const user = await trx.selectFrom('users').select('id').where(sql`lower(email)`, '=', account.email.toLowerCase()).executeTakeFirstOrThrow();
      await trx
        .insertInto('staff_communes')
        .values(account.communeSlugs.map((slug) => ({ user_id: user.id, commune_id: communeIds.get(slug)! })))
        .onConflict((oc) => oc.constraint('staff_communes_pkey').doNothing())
        .execute();
    }

    const parent = await trx.selectFrom('users').select('id').where(sql`lower(email)`, '=', demoFamily.parentEmail).executeTakeFirstOrThrow();
    for (const child of demoFamily.children) {
      await trx
        .insertInto('dependants')
        .values({ guardian_id: parent.id, first_name: child.firstName, last_name: child.lastName, birth_date: child.birthDate, relationship: 'enfant' })
        .onConflict((oc) => oc.expression(sql`guardian_id, lower(first_name), lower(last_name), birth_date`).where('removed_at', 'is', null).doNothing())
        .execute();
    }
    const hasAddress = await trx.selectFrom('addresses').select('id').where('user_id', '=', parent.id).executeTakeFirst();
    if (!hasAddress) {
      await trx.insertInto('addresses').values({ user_id: parent.id, ...demoFamily.address, line2: null, is_default: true }).execute();
    }
    const offer = await trx
      .selectFrom('service_offers')
      .select('id')
      .where('commune_id', '=', communeIds.get(demoFamily.validatedOffer.communeSlug)!)
      .where('label', '=', demoFamily.validatedOffer.label)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('subscriptions')
      .values({ user_id: parent.id, service_offer_id: offer.id, status: 'validated', decided_at: new Date() })
      .onConflict((oc) => oc.constraint('subscriptions_user_offer_key').doNothing())
      .execute();
  });
}
