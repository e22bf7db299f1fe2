import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../lib/password-hash.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { productForBooking } from '../queries/booking/booking.ts';
import { categories } from '../../web/layout/categories.ts';
import { demoAccounts } from './data.ts';
import { demoHouseholds } from './families.ts';
import { hasNoAccounts, loadDemoCatalogue, loadDemoHouseholds } from './load.ts';

const database = useTestDatabase();

async function counts() {
  const db = database.db;
  const count = async (table: 'communes' | 'service_offers' | 'products' | 'prestations' | 'slots' | 'users' | 'staff_communes' | 'product_offers' | 'dependants' | 'subscriptions') =>
    (await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  return Object.fromEntries(
    await Promise.all((['communes', 'service_offers', 'products', 'prestations', 'slots', 'users', 'staff_communes', 'product_offers', 'dependants', 'subscriptions'] as const).map(async (t) => [t, await count(t)])),
  );
}

describe('demo', () => {
  it('offers a product in every category of the menu and in every commune', async () => {
    expect(await hasNoAccounts(database.db)).toBe(true);
    await loadDemoCatalogue(database.db, '2026-11-27');
    expect(await hasNoAccounts(database.db)).toBe(false);

    const products = await database.db
      .selectFrom('products')
      .innerJoin('communes', 'communes.id', 'products.commune_id')
      .select(['products.id', 'products.category', 'communes.slug'])
      .execute();
    for (const category of categories) expect(products.filter((p) => p.category === category.slug), category.label).not.toHaveLength(0);
    const communes = await database.db.selectFrom('communes').select('slug').execute();
    for (const commune of communes) expect(products.filter((p) => p.slug === commune.slug), commune.slug).not.toHaveLength(0);

    // Every product can be bought: an offer to subscribe to, prestations, and days.
    for (const product of products) {
      const offers = await database.db.selectFrom('product_offers').select('service_offer_id').where('product_id', '=', product.id).execute();
      const slots = await database.db.selectFrom('slots').select('id').where('product_id', '=', product.id).execute();
      expect(offers.length, `offers of product ${product.id}`).toBeGreaterThan(0);
      expect(slots.length, `days of product ${product.id}`).toBeGreaterThan(0);
    }
  });

  it('keeps the walkthrough product as the reference shows it', async () => {
    const product = await database.db
      .selectFrom('products')
      .innerJoin('communes', 'communes.id', 'products.commune_id')
      .select(['products.id', 'provider_label', 'season_start', 'season_end', 'communes.mairie_label'])
      .where('products.name', '=', 'Inscription Accueil Périscolaire (mercredis)')
      .executeTakeFirstOrThrow();
    expect(product).toMatchObject({ provider_label: 'Mairie de Rosières - Accueil de Loisirs', mairie_label: 'Mairie de Rosières', season_start: '2026-09-01', season_end: '2027-07-04' });
    const prestations = await database.db.selectFrom('prestations').select(['label', 'price_cents']).where('product_id', '=', product.id).orderBy('position').execute();
    expect(prestations.map((p) => p.label)).toEqual(['Matin', 'Matin + Repas', 'Après-midi', 'Après-midi + Repas', 'Journée', 'Journée + Repas']);
    expect(prestations[0]!.price_cents).toBe(790);
    const matinDays = await database.db
      .selectFrom('slots')
      .innerJoin('prestations', 'prestations.id', 'slots.prestation_id')
      .select(['service_date', 'capacity'])
      .where('prestations.product_id', '=', product.id)
      .where('prestations.label', '=', 'Matin')
      .orderBy('service_date')
      .execute();
    expect(matinDays).toHaveLength(44);
    expect(matinDays[0]).toEqual({ service_date: '2026-09-02', capacity: 24 });
  });

  it('closes school-time services at Christmas and on public holidays, and runs the holiday centre in summer', async () => {
    const daysOf = async (name: string) =>
      (await database.db.selectFrom('slots').innerJoin('products', 'products.id', 'slots.product_id').select('service_date').distinct().where('products.name', '=', name).orderBy('service_date').execute()).map((r) => r.service_date);
    const canteen = await daysOf('Restaurant scolaire de Bains');
    expect(canteen).toContain('2026-12-18');
    expect(canteen).not.toContain('2026-12-21');
    expect(canteen).not.toContain('2026-11-11');
    expect(canteen).toContain('2027-01-04');
    // The booking calendar reads the same closed days as ISO dates.
    const { id } = await database.db.selectFrom('products').select('id').where('name', '=', 'Restaurant scolaire de Bains').executeTakeFirstOrThrow();
    expect((await productForBooking(database.db, id))!.closed_days).toContain('2026-12-25');
    const summer = await daysOf('Centre de loisirs d’été (à la semaine)');
    expect(summer[0]).toBe('2027-07-05');
    expect(summer.every((day) => day >= '2027-07-05' && day <= '2027-08-28')).toBe(true);
  });

  it('gives each demo account a working password, and each commune its agent', async () => {
    for (const account of demoAccounts) {
      const user = await database.db.selectFrom('users').selectAll().where('email', '=', account.email).executeTakeFirstOrThrow();
      expect(user.status).toBe('validated');
      expect(user.role).toBe(account.role);
      expect(await verifyPassword(user.password_hash!, account.password)).toBe(true);
      expect(await verifyPassword(user.password_hash!, `${account.password}x`)).toBe(false);
    }
    const served = await database.db
      .selectFrom('staff_communes')
      .innerJoin('users', 'users.id', 'staff_communes.user_id')
      .innerJoin('communes', 'communes.id', 'staff_communes.commune_id')
      .select(['communes.slug', 'users.email'])
      .where('users.role', '=', 'staff')
      .orderBy('communes.slug')
      .execute();
    expect(served.map((row) => row.slug)).toEqual(['aiguilhe', 'allegre', 'bains', 'le-puy-en-velay', 'rosieres']);
  });

  it('adds the families of the stories, each in its commune, and changes nothing when run again', async () => {
    await loadDemoHouseholds(database.db);
    for (const household of demoHouseholds) {
      const user = await database.db
        .selectFrom('users')
        .innerJoin('communes', 'communes.id', 'users.commune_id')
        .select(['users.id', 'users.status', 'users.password_hash', 'communes.slug'])
        .where('email', '=', household.email)
        .executeTakeFirstOrThrow();
      expect(user).toMatchObject({ status: household.status, slug: household.communeSlug });
      expect(await verifyPassword(user.password_hash!, household.password)).toBe(true);
      const children = await database.db.selectFrom('dependants').select('id').where('guardian_id', '=', user.id).execute();
      expect(children).toHaveLength(household.children.length);
    }
    const before = await counts();
    await loadDemoCatalogue(database.db, '2026-11-27');
    await loadDemoHouseholds(database.db);
    expect(await counts()).toEqual(before);
  });
});
