// Once per test run: the tools the suite needs (Temporal binaries, Chromium), installed when
// missing; one throw-away PostgreSQL cluster with a migrated template database (each test file
// clones it), and one Temporal dev server in memory, both on free ports. At the end, the logs of
// the whole run are scanned for passwords. A setup that fails stops what it started and fails the
// run: the test runner alone would exit 0 after a global setup error.
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { ensureChromium } from '../../scripts/lib/chromium.ts';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { startTemporalDevServer } from '../../scripts/lib/temporal-dev-server.ts';
import { ensureTemporalBinaries } from '../../scripts/lib/temporal-binaries.ts';
import { passwordLeaks } from './log-scan.ts';

export const TEMPLATE_DATABASE = 'citoyens_template';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresServerUrl: string;
    templateDatabase: string;
    temporalAddress: string;
    logDir: string;
    chromiumPath: string;
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
  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (let stop = stops.pop(); stop; stop = stops.pop()) await stop().catch((error: unknown) => console.error(String(error)));
  };
  const root = await mkdtemp(path.join(tmpdir(), 'citoyens-test-'));
  stops.push(() => rm(root, { recursive: true, force: true }));
  try {
    const log = (line: string) => console.log(line);
    await ensureTemporalBinaries(log);
    const chromiumPath = await ensureChromium(log);
    // PostgreSQL runs as the `postgres` user when we are root: it must be able to reach its folder.
    await chmod(root, 0o755);
    const externalUrl = process.env.TEST_DATABASE_URL;
    const postgres = externalUrl
      ? { url: externalUrl, stop: async () => {} }
      : await startEmbeddedPostgres({ dataDir: path.join(root, 'postgres'), port: await freePort(), ephemeral: true });
    stops.push(() => postgres.stop());
    const temporal = await startTemporalDevServer({ port: await freePort() });
    stops.push(() => temporal.stop());
    await prepareTemplate(postgres.url);

    project.provide('postgresServerUrl', postgres.url);
    project.provide('templateDatabase', TEMPLATE_DATABASE);
    project.provide('temporalAddress', temporal.address);
    project.provide('chromiumPath', chromiumPath);
    const logDir = path.join(root, 'logs');
    await mkdir(logDir);
    project.provide('logDir', logDir);

    return async () => {
      const leaks = await passwordLeaks(logDir);
      await stopAll();
      if (leaks.length > 0) {
        // Vitest reports an error thrown here without failing the run: the exit code is set here.
        console.error(`Passwords in the logs of the test run:\n${leaks.join('\n')}`);
        process.exitCode = 1;
      }
    };
  } catch (error) {
    await stopAll();
    console.error(`The test run could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    throw error;
  }
}
