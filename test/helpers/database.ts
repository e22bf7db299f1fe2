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

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = createDb(inject('postgresServerUrl'), { poolSize: 1 });
  try {
    await sql`create database ${sql.id(name)} template ${sql.id(inject('templateDatabase'))}`.execute(admin);
  } finally {
    await admin.destroy();
  }
  const url = urlFor(name);
  const db = createDb(url, { poolSize: 20 });
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
