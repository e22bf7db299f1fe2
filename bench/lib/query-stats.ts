// The queries that took the database's time during the rush, from pg_stat_statements (loaded by
// the embedded PostgreSQL; on another server, when its administrator has loaded it).
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

/** Empties the statistics; false when the extension cannot be used on this server. */
export async function resetQueryStats(db: Db): Promise<boolean> {
  try {
    await sql`create extension if not exists pg_stat_statements`.execute(db);
    await sql`select pg_stat_statements_reset()`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export async function topQueries(db: Db, count = 8) {
  const { rows } = await sql<{ query: string; calls: number; total_ms: number; mean_ms: number }>`
    select left(regexp_replace(query, '\\s+', ' ', 'g'), 140) as query, calls::int,
      round(total_exec_time::numeric, 1)::float as total_ms, round(mean_exec_time::numeric, 3)::float as mean_ms
    from pg_stat_statements
    where dbid = (select oid from pg_database where datname = current_database())
    order by total_exec_time desc limit ${count}`.execute(db);
  return rows;
}

/** Statements run in this database since the last reset. */
export async function statementsSoFar(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select coalesce(sum(calls), 0)::int as n from pg_stat_statements
    where dbid = (select oid from pg_database where datname = current_database())`.execute(db);
  return rows[0]?.n ?? 0;
}
