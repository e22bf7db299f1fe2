// The web server. `npm run server` starts it against the configured services; scripts/start.ts
// and the tests reuse startWebServer.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { createFolderStore } from './lib/documents/store.ts';
import { paymentProvider } from './lib/payments/configured-provider.ts';
import { dataConverter } from './lib/temporal/data-converter.ts';
import { defaultProvider, exitOnConfigError, loadConfig, type Config } from './config.ts';
import { createDb, type Db } from './db/connection.ts';
import { refuseDemoAccountsInProduction } from './db/demo/production-guard.ts';
import { createLogger, type Logger } from './logger.ts';
import { createApp } from './web/app.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startWebServer(deps: {
  config: Pick<Config, 'NODE_ENV' | 'DEV_TOOLS' | 'TEMPORAL_UI_ORIGIN' | 'PUBLIC_URL' | 'PORT' | 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TASK_QUEUE' | 'TRUSTED_PROXIES' | 'DOCUMENTS_DIR' | 'HOLD_MINUTES' | 'SESSION_CACHE_SECONDS' | 'PAYMENT_PROVIDER' | 'PAYBOX_ENDPOINT' | 'PAYBOX_SITE' | 'PAYBOX_RANG' | 'PAYBOX_IDENTIFIANT' | 'PAYBOX_HMAC_KEY' | 'TEMPORAL_PAYLOAD_KEY' | 'TEMPORAL_PAYLOAD_PREVIOUS_KEY'>;
  db: Db;
  temporalConnection: Connection;
  logger: Logger;
  hostname?: string;
}): Promise<RunningServer> {
  const converter = dataConverter(deps.config);
  const temporal = new Client({ connection: deps.temporalConnection, namespace: deps.config.TEMPORAL_NAMESPACE, ...(converter ? { dataConverter: converter } : {}) });
  const app = createApp({
    config: deps.config,
    db: deps.db,
    temporal,
    logger: deps.logger,
    documents: createFolderStore(path.resolve(deps.config.DOCUMENTS_DIR)),
    ...paymentProvider(deps.config),
    now: () => new Date(),
  });
  const server: ServerType = await new Promise((resolve) => {
    const running = serve({ fetch: app.fetch, port: deps.config.PORT, hostname: deps.hostname ?? '0.0.0.0' }, () => resolve(running));
  });
  return {
    url: `http://localhost:${deps.config.PORT}`,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      if ('closeAllConnections' in server) server.closeAllConnections();
    }),
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, 'server');
  // The card sandbox keeps its signing keys and pending payments in its process: with it, one.
  const sandbox = defaultProvider(config) === 'sandbox';
  const processes = sandbox ? 1 : config.WEB_PROCESSES || availableParallelism();
  if (sandbox && config.WEB_PROCESSES !== 1) logger.warn('the card payment sandbox runs in one web server process: WEB_PROCESSES ignored');
  if (processes > 1 && cluster.isPrimary) return supervise(processes, logger);
  const db = createDb(config.DATABASE_URL, {
    poolSize: config.DATABASE_POOL_SIZE,
    onIdleError: (error) => logger.warn({ reason: error.message }, 'idle database connection closed'),
  });
  await refuseDemoAccountsInProduction(db, config.NODE_ENV);
  // Lazy: the server starts even while Temporal is down, and /health says so.
  const temporalConnection = Connection.lazy({ address: config.TEMPORAL_ADDRESS });
  const server = await startWebServer({ config, db, temporalConnection, logger });
  if (cluster.isWorker) process.send!('ready');
  else logger.info({ url: config.PUBLIC_URL }, 'web server started');
  const stop = async () => {
    await server.close();
    await temporalConnection.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * One web server process per core (or as configured), sharing the port: a Node process renders on
 * one core only. The primary serves nothing; it restarts a process that dies and stops them all
 * on SIGTERM. Each process has its own database pool (DATABASE_POOL_SIZE) and session cache.
 */
function supervise(processes: number, logger: Logger): void {
  let ready = 0;
  let stopping = false;
  for (let i = 0; i < processes; i += 1) cluster.fork();
  cluster.on('message', (_worker, message) => {
    if (message === 'ready' && ++ready === processes) logger.info({ processes }, 'web server started');
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error({ pid: worker.process.pid, code, signal }, 'web server process died: starting another');
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    let left = workers.length;
    if (left === 0) process.exit(0);
    for (const worker of workers) {
      worker?.once('exit', () => --left === 0 && process.exit(0));
      worker?.process.kill('SIGTERM');
    }
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    exitOnConfigError(error);
  });
}
