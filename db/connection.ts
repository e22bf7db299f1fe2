// Opens the Kysely handle over a pg pool. Type parsers are set here, once, so that every query
// returns the same JavaScript types: bigint ids and counts as numbers, dates of service as strings.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';

pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// date[] (a product's closed days): the default parser makes Date objects, which no ISO string
// ever equals, so a closed day would stay bookable. Dates need no quoting in an array's text.
// pg lists no array type among its builtins, hence the cast.
const DATE_ARRAY_OID = 1182 as (typeof pg.types.builtins)[keyof typeof pg.types.builtins];
pg.types.setTypeParser(DATE_ARRAY_OID, (value) => (value === '{}' ? [] : value.slice(1, -1).split(',')));

export type Db = Kysely<Database>;

export function createDb(
  connectionString: string,
  options: { poolSize?: number; onIdleError?: (error: Error) => void } = {},
): Db {
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
  // An idle connection that the server closes (restart, shutdown) must not crash the process:
  // the pool drops it and opens another on the next query.
  const onError = options.onIdleError ?? (() => {});
  pool.on('error', onError);
  // A connection lost while checked out (inside a transaction, between two queries) is reported
  // on its client, where no listener would crash the process; its query fails anyway, and the
  // pool drops the broken client when it comes back.
  pool.on('connect', (client) => client.on('error', onError));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
