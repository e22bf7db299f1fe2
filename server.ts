// The web server. `npm run server` starts it against the configured services, one process per
// core or as configured, each running a worker of its own unless WORKER_IN_SERVER=false;
// scripts/start.ts and the tests reuse startWebServer.
import cluster from 'node:cluster';
import { rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { Client, Connection, type ConnectionLike } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { clockOffsetMs, systemClock } from './lib/clock.ts';
import { createFolderStore } from './lib/documents/store.ts';
import { paymentProvider } from './lib/payments/configured-provider.ts';
import { payfipEndpoints } from './lib/payments/payfip-config.ts';
import { createSandboxKeys, type SandboxKeys } from './lib/payments/provider.ts';
import { dataConverter } from './lib/temporal/data-converter.ts';
import { workflowClockBundlerOptions } from './lib/temporal/workflow-clock.ts';
import { defaultProvider, exitOnConfigError, loadConfig, type Config } from './config.ts';
import { createDb, type Db } from './db/connection.ts';
import { refuseDemoAccountsInProduction } from './db/demo/production-guard.ts';
import { createLogger, type Logger } from './logger.ts';
import { createApp } from './web/app.ts';
import { installSdkLogging, prepareTemporal, runAppWorker, sdkLogger, workflowsPath } from './worker.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startWebServer(deps: {
  config: Pick<Config, 'NODE_ENV' | 'DEV_TOOLS' | 'TEMPORAL_UI_ORIGIN' | 'PUBLIC_URL' | 'PORT' | 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TASK_QUEUE' | 'TRUSTED_PROXIES' | 'DOCUMENTS_DIR' | 'HOLD_MINUTES' | 'SESSION_CACHE_SECONDS' | 'PAYMENT_PROVIDER' | 'PAYBOX_ENDPOINT' | 'PAYBOX_SITE' | 'PAYBOX_RANG' | 'PAYBOX_IDENTIFIANT' | 'PAYBOX_HMAC_KEY' | 'TEMPORAL_PAYLOAD_KEY' | 'TEMPORAL_PAYLOAD_PREVIOUS_KEY'> & Partial<Pick<Config, 'PAYFIP_SERVICE_URL' | 'PAYFIP_PAYMENT_URL'>>;
  db: Db;
  temporalConnection: ConnectionLike;
  /** A worker of this process polls on `temporalConnection`: new baskets take their first task there, without the server's matching. */
  eagerStart?: boolean;
  /** The card sandbox's keys when the process that started this one made them; otherwise made here when the sandbox plays the provider. */
  sandbox?: SandboxKeys | null;
  logger: Logger;
  hostname?: string;
  /** The pages' clock: the product's (moved by AS_OF outside production) unless a test gives its own. */
  now?: () => Date;
}): Promise<RunningServer> {
  const converter = dataConverter(deps.config);
  const temporal = new Client({ connection: deps.temporalConnection, namespace: deps.config.TEMPORAL_NAMESPACE, ...(converter ? { dataConverter: converter } : {}) });
  const app = createApp({
    config: deps.config,
    db: deps.db,
    temporal,
    logger: deps.logger,
    documents: createFolderStore(path.resolve(deps.config.DOCUMENTS_DIR)),
    ...paymentProvider(deps.config, deps.sandbox ?? undefined),
    payfip: payfipEndpoints(deps.config),
    eagerStart: deps.eagerStart ?? false,
    now: deps.now ?? systemClock(),
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

/** What the first process makes once and every web server process shares. */
interface Shared {
  /** The card sandbox's keys: every process must sign and verify with the same. */
  sandbox: SandboxKeys | null;
  /** The workflows, bundled once (webpack takes seconds) for every process's worker. */
  workflowBundle?: { code: string } | { codePath: string };
}

const SHARED_ENV = 'CITOYENS_PROCESS_SHARED';

async function prepareShared(config: Config, logger: Logger): Promise<Shared> {
  const sandbox = defaultProvider(config) === 'sandbox' ? createSandboxKeys(config.PUBLIC_URL) : null;
  if (!config.WORKER_IN_SERVER) return { sandbox };
  installSdkLogging(logger, config.LOG_LEVEL);
  await prepareTemporal(config, logger);
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: sdkLogger(logger, 'warn'), ...workflowClockBundlerOptions(clockOffsetMs()) });
  return { sandbox, workflowBundle: { code } };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, 'server');
  if (cluster.isWorker) return serveProcess(config, logger, JSON.parse(process.env[SHARED_ENV]!) as Shared);
  const shared = await prepareShared(config, logger);
  const processes = config.WEB_PROCESSES || availableParallelism();
  if (processes === 1) return serveProcess(config, logger, shared);
  // The processes read the bundle from a file of the first one's, removed when it stops.
  const bundleFile = shared.workflowBundle && path.join(tmpdir(), `citoyens-workflows-${process.pid}.js`);
  if (bundleFile && shared.workflowBundle && 'code' in shared.workflowBundle) await writeFile(bundleFile, shared.workflowBundle.code, { mode: 0o600 });
  const forShared: Shared = { sandbox: shared.sandbox, ...(bundleFile ? { workflowBundle: { codePath: bundleFile } } : {}) };
  supervise(processes, logger, { [SHARED_ENV]: JSON.stringify(forShared) }, async () => {
    if (bundleFile) await rm(bundleFile, { force: true });
  });
}

/** One web server process: its database pool, its worker (unless WORKER_IN_SERVER=false), its HTTP server. */
async function serveProcess(config: Config, logger: Logger, shared: Shared): Promise<void> {
  const pool = () =>
    createDb(config.DATABASE_URL, {
      poolSize: config.DATABASE_POOL_SIZE,
      onIdleError: (error) => logger.warn({ reason: error.message }, 'idle database connection closed'),
    });
  const db = pool();
  await refuseDemoAccountsInProduction(db, config.NODE_ENV);
  if (config.WORKER_IN_SERVER && cluster.isWorker) installSdkLogging(logger, config.LOG_LEVEL);
  // The worker has a pool of its own: at the opening second, the steps of orders under way (its
  // local activities) must not queue for a connection behind thousands of new carts' pages.
  const workerDb = config.WORKER_IN_SERVER ? pool() : null;
  // With its worker, the process waits for Temporal; without, it starts while Temporal is down
  // (a lazy connection) and /health says so.
  const worker = workerDb ? await runAppWorker({ config, logger, db: workerDb, workflowBundle: shared.workflowBundle! }) : null;
  const temporalConnection = worker?.connection ?? Connection.lazy({ address: config.TEMPORAL_ADDRESS });
  const server = await startWebServer({ config, db, temporalConnection, eagerStart: worker !== null, sandbox: shared.sandbox, logger });
  if (cluster.isWorker) process.send!('ready');
  else logger.info({ url: config.PUBLIC_URL, worker: worker !== null }, 'web server started');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    if (worker) await worker.stop();
    else await temporalConnection.close();
    await Promise.all([db.destroy(), workerDb?.destroy()]);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // A worker that stops on its own (a fatal error) takes the process with it: the cluster starts another.
  const workerEnded = (error?: unknown) => {
    if (stopping) return;
    logger.error({ err: error }, 'the worker stopped: stopping this process');
    void stop();
  };
  worker?.done.then(() => workerEnded(), workerEnded);
}

/**
 * One web server process per core (or as configured), sharing the port: a Node process renders on
 * one core only. The primary serves nothing; it restarts a process that dies and stops them all
 * on SIGTERM. Each process has its own database pools (DATABASE_POOL_SIZE), session cache and worker.
 */
function supervise(processes: number, logger: Logger, env: Record<string, string>, cleanUp: () => Promise<void>): void {
  let ready = 0;
  let stopping = false;
  for (let i = 0; i < processes; i += 1) cluster.fork(env);
  cluster.on('message', (worker, message) => {
    if (message !== 'ready') return;
    ready += 1;
    if (ready === processes) logger.info({ processes }, 'web server started');
    else if (ready > processes) logger.info({ pid: worker.process.pid }, 'web server process back');
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error({ pid: worker.process.pid, code, signal }, 'web server process died: starting another');
    cluster.fork(env);
  });
  const stop = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    let left = workers.length;
    const exit = () => void cleanUp().finally(() => process.exit(0));
    if (left === 0) return exit();
    for (const worker of workers) {
      worker?.once('exit', () => --left === 0 && exit());
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
