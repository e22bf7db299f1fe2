import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test/helpers/database.ts';
import { migrateToEmpty, migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';

const database = useTestDatabase();

async function tables(): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(database.db);
  return rows.map((row) => row.table_name);
}

describe('migrations', () => {
  it('never change once landed: each file matches the checksum recorded when it landed', async () => {
    const landed = JSON.parse(await readFile(new URL('./migrations/landed.json', import.meta.url), 'utf8')) as Record<string, string>;
    for (const name of Object.keys(migrations)) {
      const file = await readFile(new URL(`./migrations/${name}.ts`, import.meta.url));
      const checksum = createHash('sha256').update(file).digest('hex');
      expect(landed[name], `${name} is new: record its sha256 in db/migrations/landed.json as it lands`).toBeDefined();
      expect(checksum, `${name} changed after it landed: undo the change and add a new migration instead`).toBe(landed[name]);
    }
    expect(Object.keys(landed).filter((name) => !(name in migrations))).toEqual([]);
  });

  it('are listed in the order of their timestamped names', () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
  });

  it('go all the way down and back up', async () => {
    const before = await tables();
    expect(before).toContain('slots');
    expect(await migrateToEmpty(database.db)).toHaveLength(Object.keys(migrations).length);
    expect(await tables()).toEqual([]);
    expect(await migrateToLatest(database.db)).toHaveLength(Object.keys(migrations).length);
    expect(await tables()).toEqual(before);
    expect(await migrateToLatest(database.db)).toEqual([]);
  });

  it('treat e-mail addresses as one account whatever their case', async () => {
    await database.db.insertInto('users').values({ email: 'Marie.Girard@Example.fr' }).execute();
    await expect(database.db.insertInto('users').values({ email: 'marie.girard@example.fr' }).execute()).rejects.toThrow(/users_email_key/);
  });

  it('refuse negative prices and capacities', async () => {
    const commune = await database.db.insertInto('communes').values({ slug: 'x', name: 'X', mairie_label: 'Mairie de X', phone: null }).returning('id').executeTakeFirstOrThrow();
    const product = await database.db
      .insertInto('products')
      .values({ commune_id: commune.id, category: 'sports', kind: 'dated', name: 'Judo', provider_label: 'Club', description: '', weekdays: [3], season_start: '2026-09-01', season_end: '2027-07-04' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(database.db.insertInto('prestations').values({ product_id: product.id, label: 'Cours', price_cents: -1, position: 0 }).execute()).rejects.toThrow(/check/);
    const prestation = await database.db.insertInto('prestations').values({ product_id: product.id, label: 'Cours', price_cents: 500, position: 0 }).returning('id').executeTakeFirstOrThrow();
    await expect(
      database.db.insertInto('slots').values({ product_id: product.id, prestation_id: prestation.id, service_date: '2026-09-02', capacity: -3 }).execute(),
    ).rejects.toThrow(/check/);
  });
});
