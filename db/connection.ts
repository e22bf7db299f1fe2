// Opens the Kysely handle over a pg pool. Type parsers are set here, once, so that every query
// returns the same JavaScript types: bigint ids and counts as numbers, dates of service as strings.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';

pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type Db = Kysely<Database>;

export function createDb(
  connectionString: string,
  options: { poolSize?: number; onIdleError?: (error: Error) => void } = {},
): Db {
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
  // An idle connection that the server closes (restart, shutdown) must not crash the process:
  // the pool drops it and opens another on the next query.
  pool.on('error', options.onIdleError ?? (() => {}));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
