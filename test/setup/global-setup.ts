// Once per test run: one throw-away PostgreSQL cluster with a migrated template database (each
// test file clones it), and one Temporal dev server in memory. Both on free ports. At the end,
// the logs of the whole run are scanned for passwords.
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { startTemporalDevServer } from '../../scripts/lib/temporal-dev-server.ts';
import { passwordLeaks } from './log-scan.ts';

export const TEMPLATE_DATABASE = 'citoyens_template';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresServerUrl: string;
    templateDatabase: string;
    temporalAddress: string;
    logDir: string;
  }
}

async function prepareTemplate(serverUrl: string): Promise<void> {
  const admin = createDb(serverUrl, { poolSize: 1 });
  await sql`create database ${sql.id(TEMPLATE_DATABASE)}`.execute(admin);
  // Hands each test database its own block of ids (see test/helpers/database.ts).
  await sql`create sequence if not exists test_id_blocks`.execute(admin);
  await admin.destroy();
  const url = new URL(serverUrl);
  url.pathname = `/${TEMPLATE_DATABASE}`;
  const template = createDb(url.toString(), { poolSize: 1 });
  await migrateToLatest(template);
  await template.destroy();
}

export default async function setup(project: TestProject) {
  const root = await mkdtemp(path.join(tmpdir(), 'citoyens-test-'));
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to reach its folder.
  await chmod(root, 0o755);
  const externalUrl = process.env.TEST_DATABASE_URL;
  const postgres = externalUrl
    ? { url: externalUrl, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: path.join(root, 'postgres'), port: await freePort(), ephemeral: true });
  const temporal = await startTemporalDevServer({ port: await freePort() });
  await prepareTemplate(postgres.url);

  project.provide('postgresServerUrl', postgres.url);
  project.provide('templateDatabase', TEMPLATE_DATABASE);
  project.provide('temporalAddress', temporal.address);
  const logDir = path.join(root, 'logs');
  await mkdir(logDir);
  project.provide('logDir', logDir);

  return async () => {
    await temporal.stop();
    await postgres.stop();
    const leaks = await passwordLeaks(logDir);
    await rm(root, { recursive: true, force: true });
    if (leaks.length > 0) {
      // Vitest reports an error thrown here without failing the run: the exit code is set here.
      console.error(`Passwords in the logs of the test run:\n${leaks.join('\n')}`);
      process.exitCode = 1;
    }
  };
}
