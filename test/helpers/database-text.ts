// Every row of every table of the database, as lower-case text: what a test searches for words
// that must be found nowhere (the RGPD erasure's).
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

export async function wholeDatabaseText(db: Db): Promise<string> {
  const { rows } = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db);
  const dumps = await Promise.all(rows.map(async ({ table_name }) => (await sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.table(table_name)} t`.execute(db)).rows.map((r) => r.row).join('\n')));
  return dumps.join('\n').toLowerCase();
}
