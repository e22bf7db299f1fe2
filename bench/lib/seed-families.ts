// Seeds the rush: N validated families of Rosières with a child, a validated subscription, an
// address and a wallet, and one Wednesday of the demo product with M places. Through SQL in
// bulk, with the project's own schema: the wallets' top-ups are entries of the régie's journal
// too, so that the books' invariants hold after the run as they would in the product.
import { sql } from 'kysely';
import { hashPassword } from '../../lib/password-hash.ts';
import type { Db } from '../../db/connection.ts';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { familyRegie } from '../../db/queries/regies/index.ts';
import { bookYear } from '../../domain/regies.ts';
import { parisDate } from '../../domain/dates.ts';
import { systemClock } from '../../lib/clock.ts';

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
  await journalSeededTopUps(db);

  const product = await db.selectFrom('products').select(['id', 'season_end']).where('name', '=', 'Inscription Accueil Périscolaire (mercredis)').executeTakeFirstOrThrow();
  const prestation = (await db.selectFrom('prestations').select('id').where('product_id', '=', product.id).where('label', '=', 'Matin').executeTakeFirstOrThrow()).id;
  // The last Wednesday of the season: its deadline is far ahead whatever today is.
  const slot = await db.selectFrom('slots').select(['id', 'service_date']).where('prestation_id', '=', prestation).orderBy('service_date', 'desc').executeTakeFirstOrThrow();
  await db.updateTable('slots').set({ capacity: places }).where('id', '=', slot.id).execute();
  return { day: slot.service_date, productId: product.id, prestationId: prestation };
}

/**
 * The seeded top-ups as Rosières' régie's receipts, numbered after its last one, in one
 * statement: recordJournal's one entry at a time would take longer than the rush it prepares.
 */
async function journalSeededTopUps(db: Db): Promise<void> {
  const seeded = await db.selectFrom('wallet_entries').select('user_id').where('idempotency_key', 'like', 'bench-seed-%').limit(1).executeTakeFirst();
  if (!seeded) return;
  await db.transaction().execute(async (trx) => {
    const regie = await familyRegie(trx, seeded.user_id, 'card');
    const day = parisDate(systemClock()());
    const year = bookYear(day);
    // Exclusive with the entries recordJournal writes meanwhile (they share this lock), so no number is taken twice.
    await trx.selectFrom('regies').select('id').where('id', '=', regie).forUpdate().execute();
    const { rows } = await sql<{ n: number }>`
      with todo as (
        select e.id, e.user_id, e.amount_cents, e.idempotency_key, row_number() over (order by e.id) as n
        from wallet_entries e
        where e.idempotency_key like 'bench-seed-%' and not exists (select 1 from journal_entries j where j.wallet_entry_id = e.id)
      ), last as (
        select coalesce((select last_number from regie_counters where regie_id = ${regie} and year = ${year} and series = 'receipt'), 0) as number
      )
      insert into journal_entries (regie_id, year, series, number, day, kind, method, amount_cents, wallet_cents, user_id, wallet_entry_id, label, idempotency_key)
      select ${regie}, ${year}, 'receipt', last.number + todo.n, ${day}::date, 'top-up', 'card', todo.amount_cents, todo.amount_cents, todo.user_id, todo.id, 'Recharge (banc d''essai)', todo.idempotency_key || '/journal'
      from todo, last
      returning 1 as n`.execute(trx);
    if (rows.length === 0) return;
    await trx
      .insertInto('regie_counters')
      .values({ regie_id: regie, year, series: 'receipt', last_number: rows.length })
      .onConflict((oc) => oc.columns(['regie_id', 'year', 'series']).doUpdateSet({ last_number: sql`regie_counters.last_number + ${rows.length}` }))
      .execute();
  });
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
