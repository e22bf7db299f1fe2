// The Temporal worker: runs every workflow and activity on the task queue. `npm run worker`
// starts one against the configured services; scripts/start.ts and the tests reuse createAppWorker.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client, Connection, ScheduleAlreadyRunning, ScheduleOverlapPolicy, WorkflowNotFoundError } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel, type WorkerOptions } from '@temporalio/worker';
import protos from '@temporalio/proto';
import { createActivities, type ActivityDeps } from './activities/index.ts';
import type { ProcessStarter } from './activities/reconcile/index.ts';
import path from 'node:path';
import { clockOffsetMs, systemClock } from './lib/clock.ts';
import { createFolderStore } from './lib/documents/store.ts';
import { createMailer } from './lib/mail/mailer.ts';
import { payfipClient } from './lib/payments/payfip.ts';
import { payfipEndpoints } from './lib/payments/payfip-config.ts';
import { cardRefunds } from './lib/payments/configured-provider.ts';
import { dataConverter } from './lib/temporal/data-converter.ts';
import { workflowClockBundlerOptions } from './lib/temporal/workflow-clock.ts';
import type { DataConverter } from '@temporalio/common';
import { exitOnConfigError, loadConfig, type Config } from './config.ts';
import { createDb, type Db } from './db/connection.ts';
import { refuseDemoAccountsInProduction } from './db/demo/production-guard.ts';
import { createLogger, type Logger } from './logger.ts';
import { HOUSEKEEPING_SCHEDULE_ID } from './workflows/housekeeping/index.ts';
import { RECONCILE_SCHEDULE_ID } from './workflows/reconcile/index.ts';
import { HOLD_SWEEP_SCHEDULE_ID } from './workflows/booking/index.ts';
import { CLOSING_REMINDER_SCHEDULE_ID } from './workflows/regies/index.ts';
import { createWorkflowClient } from './web/workflows.ts';
import { searchAttributes } from './workflows/common/search-attributes.ts';

export const workflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

export interface AppWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** Encrypts the payloads when a key is configured (lib/temporal/data-converter.ts). */
  dataConverter?: DataConverter | undefined;
  /** A prebuilt bundle (tests build it once); otherwise the workflows are bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Where the reconciler's starts log what goes wrong. */
  logger?: Logger | undefined;
}

/** The reconciler's starts: the web pages' own (web/workflows.ts), on the worker's connection. */
function processStarter(options: AppWorkerOptions): ProcessStarter {
  const client = new Client({ connection: options.connection, namespace: options.namespace, ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}) });
  const starts = createWorkflowClient(client, options.taskQueue, options.logger ?? createLogger('warn', 'worker'), options.deps.db);
  return {
    status: (workflowId) =>
      client.workflow
        .getHandle(workflowId)
        .describe()
        .then(
          (workflow) => (workflow.status.name === 'RUNNING' ? 'running' : 'ended'),
          (error: unknown) => {
            if (error instanceof WorkflowNotFoundError) return 'missing';
            throw error;
          },
        ),
    startClosure: starts.startClosure,
    startAbsence: starts.startAbsence,
    startOnlineRequest: starts.startOnlineRequest,
    waitlistPlaceFreed: starts.waitlistPlaceFreed,
    startCardRefund: starts.startCardRefund,
    startRegistration: (campaign, userId) => starts.startRegistrations(campaign, [userId]),
  };
}

export function createAppWorker(options: AppWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createActivities({ ...options.deps, processes: options.deps.processes ?? processStarter(options) }),
    ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath, bundlerOptions: workflowClockBundlerOptions(clockOffsetMs()) }),
    shutdownGraceTime: '10s',
  });
}

const { IndexedValueType } = protos.temporal.api.enums.v1;
const indexedTypes: Record<string, protos.temporal.api.enums.v1.IndexedValueType> = {
  KEYWORD: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  INT: IndexedValueType.INDEXED_VALUE_TYPE_INT,
};

/** Registers our search attributes on a cluster that lacks them (the dev server gets them as flags). */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  // The time-skipping test server cannot list them, only add: then every one is added.
  const existing = await connection.operatorService.listSearchAttributes({ namespace }).catch(() => null);
  const known = new Set(Object.keys(existing?.customAttributes ?? {}));
  const missing = searchAttributes.filter((key) => !known.has(key.name));
  if (missing.length === 0) return;
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map((key) => [key.name, indexedTypes[key.type]!])),
  });
}

/**
 * The product's schedules, created once per cluster: the hold sweep (every 5 minutes, closes holds
 * whose workflow was lost or late), the housekeeping (every hour, purges expired sessions, spent
 * links and old rate-limit rows) and the reconciler (every 10 minutes, starts the processes whose
 * rows wait for them and whose start was lost); and each evening at 19:00 in Paris, once the
 * counters have shut, the reminder of the régies' days left open.
 */
/** `prefix` keeps tests sharing one cluster apart. */
export const productSchedules = [
  { scheduleId: HOLD_SWEEP_SCHEDULE_ID, every: '5 minutes', workflowType: 'sweepExpiredHolds' },
  { scheduleId: HOUSEKEEPING_SCHEDULE_ID, every: '1 hour', workflowType: 'housekeeping' },
  { scheduleId: RECONCILE_SCHEDULE_ID, every: '10 minutes', workflowType: 'reconcileProcesses' },
  { scheduleId: CLOSING_REMINDER_SCHEDULE_ID, parisHour: 19, workflowType: 'closingReminder' },
] as const;

export async function ensureSchedules(client: Client, taskQueue: string, prefix = ''): Promise<void> {
  for (const schedule of productSchedules) {
    const { scheduleId, workflowType } = schedule;
    const spec = 'every' in schedule ? { intervals: [{ every: schedule.every }] } : { calendars: [{ hour: schedule.parisHour, minute: 0 }], timezone: 'Europe/Paris' };
    try {
      await client.schedule.create({
        scheduleId: `${prefix}${scheduleId}`,
        spec,
        action: { type: 'startWorkflow', workflowType, taskQueue, args: [] },
        policies: { overlap: ScheduleOverlapPolicy.SKIP },
      });
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
  }
}

const pinoLevel = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;
function sdkLevel(level: string): LogLevel {
  return level === 'trace' ? 'TRACE' : level === 'debug' ? 'DEBUG' : level === 'info' ? 'INFO' : level === 'warn' ? 'WARN' : 'ERROR';
}

/**
 * The SDK's own lines (workflow and activity failures, worker state) join ours, as JSON at our
 * level, instead of going synchronously to the console. Once per process.
 */
export function installSdkLogging(logger: Logger, level: string): void {
  Runtime.install({ logger: sdkLogger(logger, level) });
}

/** The SDK's logger, writing into ours at `level` (the workflow bundler's chatter stays below warn). */
export const sdkLogger = (logger: Logger, level: string) => new DefaultLogger(sdkLevel(level), ({ level: sdk, message, meta }) => logger[pinoLevel[sdk]]({ sdk: true, ...meta }, message));

/**
 * What a cluster needs once, before any worker polls: our search attributes and the schedules.
 * Temporal unreachable, it warns and goes on (the worker then waits for Temporal).
 */
export async function prepareTemporal(config: Config, logger: Logger): Promise<void> {
  const operator = await Connection.connect({ address: config.TEMPORAL_ADDRESS }).catch(() => null);
  if (!operator) return void logger.warn({ address: config.TEMPORAL_ADDRESS }, 'Temporal unreachable: search attributes and schedules not checked');
  await registerSearchAttributes(operator, config.TEMPORAL_NAMESPACE).catch((error: unknown) =>
    logger.warn({ err: error }, 'could not register search attributes; register them with `temporal operator search-attribute create`'),
  );
  await ensureSchedules(new Client({ connection: operator, namespace: config.TEMPORAL_NAMESPACE, dataConverter: dataConverter(config) ?? {} }), config.TEMPORAL_TASK_QUEUE).catch((error: unknown) =>
    logger.warn({ err: error }, 'could not create the schedules (hold sweep, housekeeping, reconciler)'),
  );
  await operator.close();
}

/** Connects to Temporal, trying again every few seconds while it does not answer. */
async function connectNative(config: Config, logger: Logger): Promise<NativeConnection> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
    } catch (error) {
      if (attempt === 1) logger.warn({ address: config.TEMPORAL_ADDRESS, reason: error instanceof Error ? error.message : String(error) }, 'Temporal unreachable: trying again every 3 seconds');
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }
}

export interface RunningWorker {
  /** The worker's connection: a client on it starts workflows eagerly on this worker. */
  connection: NativeConnection;
  /** Resolves once the worker has stopped (on SIGINT/SIGTERM, or `stop`). */
  done: Promise<void>;
  stop(): Promise<void>;
}

/** The worker of `npm run worker` and of each web server process: connected, polling, with its mailer. */
export async function runAppWorker(options: { config: Config; logger: Logger; db: Db; workflowBundle?: WorkerOptions['workflowBundle'] }): Promise<RunningWorker> {
  const { config, logger, db } = options;
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
  const connection = await connectNative(config, logger);
  const worker = await createAppWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    deps: { db, mailer, now: systemClock(), publicUrl: config.PUBLIC_URL, documents: createFolderStore(path.resolve(config.DOCUMENTS_DIR)), payfip: payfipClient({ serviceUrl: payfipEndpoints(config).serviceUrl }), refunds: cardRefunds(config) },
    dataConverter: dataConverter(config),
    workflowBundle: options.workflowBundle,
    logger,
  });
  // Worker.run() handles SIGINT/SIGTERM itself: it stops polling and finishes running tasks.
  const done = worker.run().finally(async () => {
    await connection.close();
    mailer.close();
  });
  return {
    connection,
    done,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, 'worker');
  installSdkLogging(logger, config.LOG_LEVEL);
  await prepareTemporal(config, logger);
  const db = createDb(config.DATABASE_URL, {
    poolSize: config.DATABASE_POOL_SIZE,
    onIdleError: (error) => logger.warn({ reason: error.message }, 'idle database connection closed'),
  });
  await refuseDemoAccountsInProduction(db, config.NODE_ENV);
  const worker = await runAppWorker({ config, logger, db });
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, address: config.TEMPORAL_ADDRESS }, 'worker started');
  await worker.done;
  await db.destroy();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    exitOnConfigError(error);
  });
}
