// A fingerprint of every table's content, to prove that a refused request changed nothing.
// Sessions are left out: reading a page may extend the visitor's own session.
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

const ignored = new Set(['sessions', 'kysely_migration', 'kysely_migration_lock']);

export async function snapshot(db: Db): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db);
  const result: Record<string, string> = {};
  for (const { name } of tables.rows) {
    if (ignored.has(name)) continue;
    const row = await sql<{ digest: string | null }>`select md5(string_agg(t::text, '|' order by t::text)) as digest from ${sql.table(name)} t`.execute(db);
    result[name] = row.rows[0]?.digest ?? '';
  }
  return result;
}

/** The tables whose content differs between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}
