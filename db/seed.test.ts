import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../activities/accounts/password-hash.ts';
import { useTestDatabase } from '../test/helpers/database.ts';
import { isSeeded, seedDemoData } from './seed.ts';
import { demoAccounts } from './seed-data.ts';

const database = useTestDatabase();

async function counts() {
  const db = database.db;
  const count = async (table: 'communes' | 'service_offers' | 'products' | 'prestations' | 'slots' | 'users' | 'staff_communes' | 'product_offers') =>
    (await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  return {
    communes: await count('communes'),
    offers: await count('service_offers'),
    products: await count('products'),
    productOffers: await count('product_offers'),
    prestations: await count('prestations'),
    slots: await count('slots'),
    users: await count('users'),
    staffCommunes: await count('staff_communes'),
  };
}

describe('demo data', () => {
  it('loads the reference communes, offers and the Rosières Wednesday product', async () => {
    expect(await isSeeded(database.db)).toBe(false);
    await seedDemoData(database.db, '2026-11-27');
    expect(await isSeeded(database.db)).toBe(true);

    const communes = await database.db.selectFrom('communes').select('name').orderBy('name').execute();
    expect(communes.map((c) => c.name)).toEqual(['Aiguilhe', 'Allègre', 'Bains', 'Le Puy-en-Velay', 'Rosières']);

    const aiguilhe = await database.db
      .selectFrom('service_offers')
      .innerJoin('communes', 'communes.id', 'service_offers.commune_id')
      .select('label')
      .where('communes.slug', '=', 'aiguilhe')
      .orderBy('position')
      .execute();
    expect(aiguilhe.map((o) => o.label)).toEqual(['1ER ENFANT À LA GARDERIE', '2ÈME ENFANT À LA GARDERIE', '3ÈME ENFANT À LA GARDERIE', 'USAGER']);

    const product = await database.db
      .selectFrom('products')
      .innerJoin('communes', 'communes.id', 'products.commune_id')
      .select(['products.id', 'products.name', 'provider_label', 'season_start', 'season_end', 'communes.mairie_label'])
      .executeTakeFirstOrThrow();
    expect(product).toMatchObject({
      name: 'Inscription Accueil Périscolaire (mercredis)',
      provider_label: 'Mairie de Rosières - Accueil de Loisirs',
      mairie_label: 'Mairie de Rosières',
      season_start: '2026-09-01',
      season_end: '2027-07-04',
    });

    const prestations = await database.db.selectFrom('prestations').select(['label', 'price_cents']).where('product_id', '=', product.id).orderBy('position').execute();
    expect(prestations.map((p) => p.label)).toEqual(['Matin', 'Matin + Repas', 'Après-midi', 'Après-midi + Repas', 'Journée', 'Journée + Repas']);
    expect(prestations[0]!.price_cents).toBe(790);

    const matinDays = await database.db
      .selectFrom('slots')
      .innerJoin('prestations', 'prestations.id', 'slots.prestation_id')
      .select(['service_date', 'capacity'])
      .where('prestations.label', '=', 'Matin')
      .orderBy('service_date')
      .execute();
    expect(matinDays).toHaveLength(44);
    expect(matinDays[0]).toEqual({ service_date: '2026-09-02', capacity: 24 });
  });

  it('gives each demo account a working password, and the agent the commune of Rosières', async () => {
    for (const account of demoAccounts) {
      const user = await database.db.selectFrom('users').selectAll().where('email', '=', account.email).executeTakeFirstOrThrow();
      expect(user.status).toBe('validated');
      expect(await verifyPassword(user.password_hash!, account.password)).toBe(true);
      expect(await verifyPassword(user.password_hash!, `${account.password}x`)).toBe(false);
    }
    const agentCommunes = await database.db
      .selectFrom('staff_communes')
      .innerJoin('users', 'users.id', 'staff_communes.user_id')
      .innerJoin('communes', 'communes.id', 'staff_communes.commune_id')
      .select('communes.slug')
      .where('users.role', '=', 'staff')
      .execute();
    expect(agentCommunes).toEqual([{ slug: 'rosieres' }]);
  });

  it('changes nothing when run again', async () => {
    const before = await counts();
    await seedDemoData(database.db, '2026-11-27');
    expect(await counts()).toEqual(before);
    expect(before).toMatchObject({ communes: 5, products: 1, productOffers: 2, prestations: 6, slots: 6 * 44, users: 3, staffCommunes: 1 });
  });
});
