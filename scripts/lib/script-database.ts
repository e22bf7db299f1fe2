// The database of a command-line tool: DATABASE_URL when set, else the local one of `npm start`:
// the running one when `npm start` is up, else its data folder started for the command and
// stopped after it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../../config.ts';
import { createDb, type Db } from '../../db/connection.ts';
import { embeddedServerUrl } from './embedded-postgres.ts';
import { waitForPort } from './free-port.ts';
import { ensureDatabase, localRuntimeSchema, startLocalPostgres } from './local-runtime.ts';
import { parseScriptEnv } from './script-env.ts';

const urlOnly = z.object({ DATABASE_URL: z.string().url().optional() });

/** The URL to reach, and what to stop once the command is done. */
export async function scriptDatabaseUrl(env: Record<string, string | undefined> = process.env): Promise<{ url: string; release(): Promise<void> }> {
  const { DATABASE_URL } = parseScriptEnv(urlOnly, env);
  if (DATABASE_URL) return { url: DATABASE_URL, release: async () => {} };
  const local = parseScriptEnv(localRuntimeSchema, env);
  const dataDir = path.join(local.DATA_DIR, 'postgres');
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new ConfigError(`No DATABASE_URL, and no local database in ${dataDir} yet: run \`npm start\` once (it creates it), or set DATABASE_URL.`);
  }
  const running = await waitForPort(local.EMBEDDED_PG_PORT, 0).then(
    () => true,
    () => false,
  );
  if (running) return { url: await ensureDatabase(embeddedServerUrl(local.EMBEDDED_PG_PORT)), release: async () => {} };
  console.error(`Starting the local PostgreSQL (${dataDir}) for this command …`);
  const postgres = await startLocalPostgres(local);
  return { url: postgres.url, release: postgres.stop };
}

/** Runs a tool's work on its database, then closes the connections and stops what it started. */
export async function withScriptDatabase<T>(work: (db: Db, url: string) => Promise<T>, poolSize = 2): Promise<T> {
  const { url, release } = await scriptDatabaseUrl();
  const db = createDb(url, { poolSize });
  try {
    return await work(db, url);
  } finally {
    await db.destroy();
    await release();
  }
}

