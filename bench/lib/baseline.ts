// The baseline: the same booking as one direct SQL transaction (lock the day, insert the
// reservation, debit the wallet) at the same concurrency, on tables of its own.
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { pool } from './stats.ts';

export async function sqlBaseline(db: Db, bookings: number, concurrency: number): Promise<{ perSecond: number; ms: number }> {
  await sql`create table if not exists bench_day (id int primary key, capacity int not null)`.execute(db);
  await sql`create table if not exists bench_booking (id serial primary key, day int not null, family int not null)`.execute(db);
  await sql`create table if not exists bench_wallet (family int primary key, balance int not null check (balance >= 0))`.execute(db);
  await sql`truncate bench_day, bench_booking, bench_wallet`.execute(db);
  await sql`insert into bench_day values (1, ${bookings})`.execute(db);
  await sql`insert into bench_wallet select i, 5000 from generate_series(1, ${bookings}) i`.execute(db);
  const started = performance.now();
  await pool(bookings, concurrency, (i) =>
    db.transaction().execute(async (trx) => {
      await sql`select capacity from bench_day where id = 1 for update`.execute(trx);
      await sql`select count(*) from bench_booking where day = 1`.execute(trx);
      await sql`insert into bench_booking (day, family) values (1, ${i + 1})`.execute(trx);
      await sql`update bench_wallet set balance = balance - 790 where family = ${i + 1}`.execute(trx);
    }),
  );
  const ms = performance.now() - started;
  await sql`drop table bench_day, bench_booking, bench_wallet`.execute(db);
  return { perSecond: Math.round((bookings / ms) * 1000 * 10) / 10, ms: Math.round(ms) };
}
