import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test/helpers/database.ts';
import { isSeeded, seedReferenceData } from './seed.ts';

const database = useTestDatabase();

describe('reference data', () => {
  it('loads the communes and their service offers, and no account', async () => {
    expect(await isSeeded(database.db)).toBe(false);
    await seedReferenceData(database.db);
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
    expect(await database.db.selectFrom('users').select('id').execute()).toEqual([]);
    expect(await database.db.selectFrom('products').select('id').execute()).toEqual([]);
  });

  it('changes nothing when run again', async () => {
    const count = async () => (await database.db.selectFrom('service_offers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    await seedReferenceData(database.db);
    expect(await count()).toBe(before);
  });
});
