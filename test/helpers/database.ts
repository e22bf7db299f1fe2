// A fresh database per test file, cloned from the migrated template (fast: no migrations to run).
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDb, type Db } from '../../db/connection.ts';

export interface TestDatabase {
  db: Db;
  url: string;
  drop(): Promise<void>;
}

function urlFor(name: string): string {
  const url = new URL(inject('postgresServerUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A setup that fails names its cause: the step, the server and PostgreSQL's own words, so that a
 * file failing in its setup is never a bare "hook failed" among skipped tests.
 */
function setupFailure(step: string, error: unknown): Error {
  const server = new URL(inject('postgresServerUrl'));
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`Test database setup failed (${step}, PostgreSQL at ${server.host}): ${reason}`, { cause: error });
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = createDb(inject('postgresServerUrl'), { poolSize: 1 });
  let block: number;
  try {
    await cloneTemplate(admin, name);
    block = (await sql<{ block: number }>`select nextval('test_id_blocks') as block`.execute(admin)).rows[0]!.block;
  } catch (error) {
    throw setupFailure(`creating ${name} from ${inject('templateDatabase')}`, error);
  } finally {
    await admin.destroy();
  }
  const url = urlFor(name);
  const db = createDb(url, { poolSize: 20 });
  await startIdsAt(db, block * 1_000_000);
  return {
    db,
    url,
    async drop() {
      await db.destroy();
      const dropper = createDb(inject('postgresServerUrl'), { poolSize: 1 });
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(dropper);
      await dropper.destroy();
    },
  };
}

/**
 * PostgreSQL refuses to copy a template while another session is connected to it (SQLSTATE
 * 55006); that session is brief (a server's own maintenance), so the copy is tried again a few
 * times before the setup fails, naming the cause.
 */
async function cloneTemplate(admin: Db, name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await sql`create database ${sql.id(name)} template ${sql.id(inject('templateDatabase'))}`.execute(admin);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

/** Registers beforeAll/afterAll hooks; the returned object's `db` is ready inside tests. */
export function useTestDatabase(): { readonly db: Db; readonly url: string } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  return {
    get db() {
      if (!database) throw new Error('The test database is ready only inside tests and hooks');
      return database.db;
    },
    get url() {
      if (!database) throw new Error('The test database is ready only inside tests and hooks');
      return database.url;
    },
  };
}

/**
 * Test files share one Temporal server, and workflow IDs carry database ids
 * ("account-validation-42"): each database starts its ids in a block of its own, so two files
 * never address the same workflow.
 */
async function startIdsAt(db: Db, first: number): Promise<void> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and is_identity = 'YES'`.execute(db);
  for (const { table_name, column_name } of rows) {
    await sql`alter table ${sql.id(table_name)} alter column ${sql.id(column_name)} restart with ${sql.lit(first)}`.execute(db);
  }
  // Plain sequences name things too (order numbers, six digits, become workflow IDs): a smaller
  // block of their own, a thousand numbers, so that a suite of up to 999 databases still writes
  // six digits and never names a workflow another file left running on the shared server.
  const sequences = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'S' and n.nspname = 'public'
      and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'i')`.execute(db);
  for (const { name } of sequences.rows) {
    await sql`alter sequence ${sql.id(name)} restart with ${sql.lit(first / 1_000)}`.execute(db);
  }
}
