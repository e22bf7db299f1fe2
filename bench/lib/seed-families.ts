// Seeds the rush: N validated families of Rosières with a child, a validated subscription, an
// address and a wallet, and one Wednesday of the demo product with M places. Through SQL in
// bulk, with the project's own schema.
import { sql } from 'kysely';
import { hashPassword } from '../../lib/password-hash.ts';
import type { Db } from '../../db/connection.ts';
import { loadDemoCatalogue } from '../../db/demo/load.ts';

export const BENCH_PASSWORD = 'Rush-Velay-2026!';

/** Every tenth family holds less than a day's price, so it pays the rest by card. */
export async function seedRush(db: Db, families: number, places: number, walletCents: number, splitWalletCents: number): Promise<{ day: string; productId: number; prestationId: number }> {
  await loadDemoCatalogue(db);
  const hash = await hashPassword(BENCH_PASSWORD);
  const rosieres = (await db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow()).id;
  const offer = (await db.selectFrom('service_offers').select('id').where('label', '=', 'INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT').executeTakeFirstOrThrow()).id;
  await sql`
    with created as (
      insert into users (email, password_hash, first_name, last_name, phone, role, status, commune_id, password_changed_at)
      select 'rush' || i || '@bench.local', ${hash}, 'Parent' || i, 'Rush', '06 12 34 56 78', 'parent', 'validated', ${rosieres}, now()
      from generate_series(1, ${families}) as i
      on conflict do nothing
      returning id
    ), children as (
      insert into dependants (guardian_id, first_name, last_name, birth_date, relationship)
      select id, 'Enfant', 'Rush', date '2018-05-01', 'enfant' from created
    ), subs as (
      insert into subscriptions (user_id, service_offer_id, status) select id, ${offer}, 'validated' from created
    ), homes as (
      insert into addresses (user_id, label, line1, postal_code, city, is_default) select id, 'Domicile', '1 rue du Bench', '43700', 'Rosières', true from created
    ), wallets as (
      insert into wallet_accounts (user_id, balance_cents)
      select id, case when id % 10 = 0 then ${splitWalletCents}::int else ${walletCents}::int end from created
    )
    insert into wallet_entries (user_id, amount_cents, kind, label, idempotency_key)
    select id, case when id % 10 = 0 then ${splitWalletCents}::int else ${walletCents}::int end, 'topup', 'Recharge (banc d''essai)', 'bench-seed-' || id from created`.execute(db);

  const product = await db.selectFrom('products').select(['id', 'season_end']).where('name', '=', 'Inscription Accueil Périscolaire (mercredis)').executeTakeFirstOrThrow();
  const prestation = (await db.selectFrom('prestations').select('id').where('product_id', '=', product.id).where('label', '=', 'Matin').executeTakeFirstOrThrow()).id;
  // The last Wednesday of the season: its deadline is far ahead whatever today is.
  const slot = await db.selectFrom('slots').select(['id', 'service_date']).where('prestation_id', '=', prestation).orderBy('service_date', 'desc').executeTakeFirstOrThrow();
  await db.updateTable('slots').set({ capacity: places }).where('id', '=', slot.id).execute();
  return { day: slot.service_date, productId: product.id, prestationId: prestation };
}

/** The seeded families, in order, as the virtual parents need them. */
export async function rushRoster(db: Db): Promise<{ userId: number; email: string; childId: number; addressId: number; split: boolean }[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('dependants', 'dependants.guardian_id', 'users.id')
    .innerJoin('addresses', 'addresses.user_id', 'users.id')
    .select(['users.id', 'users.email', 'dependants.id as child', 'addresses.id as address'])
    .where('users.email', 'like', 'rush%@bench.local')
    .orderBy('users.id')
    .execute();
  // Every tenth pays part by card (see seedRush).
  return rows.map((row) => ({ userId: row.id, email: row.email, childId: row.child, addressId: row.address, split: row.id % 10 === 0 }));
}
