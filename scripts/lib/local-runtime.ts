// The services `npm start` brings up when the environment names none: embedded PostgreSQL and
// the Temporal dev server, both keeping their data in DATA_DIR so that a second start reuses it.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { projectRoot } from './paths.ts';
import { parseScriptEnv } from './script-env.ts';
import { ensureTemporalBinaries } from './temporal-binaries.ts';
import { startTemporalDevServer } from './temporal-dev-server.ts';

const port = z.coerce.number().int().min(1).max(65535);
export const localRuntimeSchema = z.object({
  DATA_DIR: z.string().default(path.join(projectRoot, '.data')),
  EMBEDDED_PG_PORT: port.default(54329),
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
});

export interface LocalRuntime {
  env: { DATABASE_URL?: string; TEMPORAL_ADDRESS?: string };
  temporalUiUrl: string | null;
  /** Stops what was started, in reverse order. */
  stop(): Promise<void>;
}

const DATABASE_NAME = 'citoyens';
export type LocalRuntimeOptions = z.infer<typeof localRuntimeSchema>;

/** Creates the product's database on the server when missing; its URL. */
export async function ensureDatabase(serverUrl: string, name = DATABASE_NAME): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The embedded PostgreSQL of DATA_DIR, with the product's database; its URL and how to stop it. */
export async function startLocalPostgres(options: LocalRuntimeOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(options.DATA_DIR, 'postgres'), port: options.EMBEDDED_PG_PORT });
  try {
    return { url: await ensureDatabase(postgres.url), stop: postgres.stop };
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}

export async function startLocalRuntime(env: Record<string, string | undefined>, log: (line: string) => void): Promise<LocalRuntime> {
  const options = parseScriptEnv(localRuntimeSchema, env);
  await mkdir(options.DATA_DIR, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  const runtime: LocalRuntime = {
    env: {},
    temporalUiUrl: null,
    async stop() {
      for (const stop of stops.reverse()) await stop().catch((error: unknown) => log(`stop failed: ${String(error)}`));
    },
  };
  try {
    if (!env.DATABASE_URL) {
      const postgres = await startLocalPostgres(options);
      stops.push(postgres.stop);
      runtime.env.DATABASE_URL = postgres.url;
    }
    if (!env.TEMPORAL_ADDRESS) {
      await ensureTemporalBinaries(log);
      const temporal = await startTemporalDevServer({
        port: options.TEMPORAL_DEV_PORT,
        uiPort: options.TEMPORAL_UI_PORT,
        dbFile: path.join(options.DATA_DIR, 'temporal.sqlite'),
        namespace: env.TEMPORAL_NAMESPACE || 'default',
        onLog: (line) => log(`[temporal] ${line.trimEnd()}`),
      });
      stops.push(temporal.stop);
      runtime.env.TEMPORAL_ADDRESS = temporal.address;
      runtime.temporalUiUrl = temporal.uiUrl;
    }
  } catch (error) {
    await runtime.stop();
    throw error;
  }
  return runtime;
}
