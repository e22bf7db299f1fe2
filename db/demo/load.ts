// Loads the demo (development only, never in production): the reference data, a product of
// every category with its days, the demo accounts, and the families of demo/families.ts.
// Idempotent: every insert skips rows that exist, so a re-run changes nothing.
import { sql, type Transaction } from 'kysely';
import { hashPassword } from '../../lib/password-hash.ts';
import { systemClock } from '../../lib/clock.ts';
import { parisDate } from '../../domain/dates.ts';
import { schoolClosedDays, serviceDays, type Season } from '../../domain/school-year.ts';
import type { Db } from '../connection.ts';
import type { Database } from '../database.ts';
import { seedReferenceData } from '../seed.ts';
import { demoAccounts, demoFamily, demoProducts, type DemoProduct } from './data.ts';
import { demoHouseholds } from './families.ts';
import { loadDemoRegies } from './regies.ts';
import { demoSeasons } from './seasons.ts';

type Trx = Transaction<Database>;

/** True when nobody has an account yet: the database a demo may be loaded into. */
export async function hasNoAccounts(db: Db): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) === undefined;
}

async function insertProduct(trx: Trx, communeId: number, product: DemoProduct, seasons: { schoolYear: Season; summer: Season }): Promise<void> {
  const season = product.season === 'summer' ? seasons.summer : seasons.schoolYear;
  const closedDays = product.schoolTime ? schoolClosedDays(season) : [];
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
      closed_days: closedDays,
      ...(product.pricing ? { pricing: JSON.stringify(product.pricing) } : {}),
    })
    .onConflict((oc) => oc.constraint('products_commune_name_key').doNothing())
    .execute();
  const stored = await trx
    .selectFrom('products')
    .select(['id', 'season_start', 'season_end', 'weekdays', 'closed_days'])
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
  const days = serviceDays({ start: stored.season_start, end: stored.season_end }, stored.weekdays, stored.closed_days);
  const slots = prestations.flatMap((prestation) => days.map((day) => ({ product_id: stored.id, prestation_id: prestation.id, service_date: day, capacity: product.capacity })));
  if (slots.length > 0) {
    await trx
      .insertInto('slots')
      .values(slots)
      .onConflict((oc) => oc.constraint('slots_prestation_date_key').doNothing())
      .execute();
  }
}

async function insertParent(
  trx: Trx,
  account: { email: string; passwordHash: string; firstName: string; lastName: string; communeId: number; status: 'pending' | 'validated' },
): Promise<number> {
  await trx
    .insertInto('users')
    .values({
      email: account.email,
      password_hash: account.passwordHash,
      first_name: account.firstName,
      last_name: account.lastName,
      role: 'parent',
      status: account.status,
      phone: '06 12 34 56 78',
      commune_id: account.communeId,
      password_changed_at: systemClock()(),
    })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .execute();
  return (await trx.selectFrom('users').select('id').where(sql`lower(email)`, '=', account.email.toLowerCase()).executeTakeFirstOrThrow()).id;
}

async function insertHousehold(
  trx: Trx,
  userId: number,
  household: { lastName: string; children: { firstName: string; birthDate: string }[]; address: { line1: string; postal_code: string; city: string }; communeId: number; validatedOffers: string[] },
): Promise<void> {
  for (const child of household.children) {
    await trx
      .insertInto('dependants')
      .values({ guardian_id: userId, first_name: child.firstName, last_name: household.lastName, birth_date: child.birthDate, relationship: 'enfant' })
      .onConflict((oc) => oc.expression(sql`guardian_id, lower(first_name), lower(last_name), birth_date`).where('removed_at', 'is', null).doNothing())
      .execute();
  }
  const hasAddress = await trx.selectFrom('addresses').select('id').where('user_id', '=', userId).executeTakeFirst();
  if (!hasAddress) await trx.insertInto('addresses').values({ user_id: userId, label: 'Domicile', ...household.address, line2: null, is_default: true }).execute();
  for (const label of household.validatedOffers) {
    const offer = await trx.selectFrom('service_offers').select('id').where('commune_id', '=', household.communeId).where('label', '=', label).executeTakeFirstOrThrow();
    await trx
      .insertInto('subscriptions')
      .values({ user_id: userId, service_offer_id: offer.id, status: 'validated', decided_at: systemClock()() })
      .onConflict((oc) => oc.constraint('subscriptions_user_offer_key').doNothing())
      .execute();
  }
}

/**
 * The demo's régies take PayFiP (card and SEPA debit) beside Paybox, in test mode (saisie T),
 * each with its 6-digit client number: `npm start` offers both at the checkout. A régie set
 * already keeps its settings.
 */
async function takePayfip(trx: Trx, communeIds: number[]): Promise<void> {
  for (const [index, communeId] of communeIds.entries()) {
    await trx
      .updateTable('regies')
      .set({ payfip_numcli: String(123456 + index), payfip_saisie: 'T', methods: sql`array(select distinct unnest(methods || array['payfip-card', 'payfip-sepa']::text[]))` })
      .where('id', 'in', trx.selectFrom('regie_communes').select('regie_id').where('commune_id', '=', communeId))
      .where('payfip_numcli', 'is', null)
      .execute();
  }
}

/** Reference data, the products, the staff, the admin and the walkthrough's family (Pardon). */
export async function loadDemoCatalogue(db: Db, today = parisDate(systemClock()())): Promise<void> {
  const communeIds = await seedReferenceData(db);
  const passwordHashes = await Promise.all(demoAccounts.map((account) => hashPassword(account.password)));
  await db.transaction().execute(async (trx) => {
    const seasons = demoSeasons(today);
    for (const product of demoProducts) await insertProduct(trx, communeIds.get(product.communeSlug)!, product, seasons);
    await takePayfip(trx, [...communeIds.values()]);

    for (const [index, account] of demoAccounts.entries()) {
      if (account.role === 'parent') continue;
      await trx
        .insertInto('users')
        .values({
          email: account.email,
          password_hash: passwordHashes[index]!,
          first_name: account.firstName,
          last_name: account.lastName,
          role: account.role,
          status: 'validated',
          password_changed_at: systemClock()(),
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

    const parentIndex = demoAccounts.findIndex((account) => account.email === demoFamily.parentEmail);
    const parent = demoAccounts[parentIndex]!;
    const communeId = communeIds.get(parent.communeSlugs[0]!)!;
    const parentId = await insertParent(trx, { ...parent, passwordHash: passwordHashes[parentIndex]!, communeId, status: 'validated' });
    await insertHousehold(trx, parentId, {
      lastName: parent.lastName,
      children: demoFamily.children,
      address: demoFamily.address,
      communeId: communeIds.get(demoFamily.validatedOffer.communeSlug)!,
      validatedOffers: [demoFamily.validatedOffer.label],
    });
  });
}

/** The families whose stories the first start plays (demo/families.ts), and the régies' demo (demo/regies.ts). */
export async function loadDemoHouseholds(db: Db): Promise<void> {
  const communeIds = await seedReferenceData(db);
  const passwordHashes = await Promise.all(demoHouseholds.map((household) => hashPassword(household.password)));
  await db.transaction().execute(async (trx) => {
    for (const [index, household] of demoHouseholds.entries()) {
      const communeId = communeIds.get(household.communeSlug)!;
      const userId = await insertParent(trx, { ...household, passwordHash: passwordHashes[index]!, communeId });
      await insertHousehold(trx, userId, { ...household, communeId });
    }
  });
  await loadDemoRegies(db);
}
