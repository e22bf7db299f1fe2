// The real product for end-to-end tests: web server and worker on a free port, over a fresh
// seeded database and the run's Temporal server, with mail going to a real SMTP test server.
import type { Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import path from 'node:path';
import { createFolderStore } from '../../lib/documents/store.ts';
import { createMailer } from '../../lib/mail/mailer.ts';
import { payfipClient } from '../../lib/payments/payfip.ts';
import { payfipEndpoints } from '../../lib/payments/payfip-config.ts';
import { loadConfig } from '../../config.ts';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { testNow, testToday } from './clock.ts';
import { createTestLogger } from './logs.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { startWebServer } from '../../server.ts';
import { createAppWorker, workflowsPath } from '../../worker.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { startSmtpServer, type TestSmtpServer } from './smtp.ts';
import { connectWorker, uniqueTaskQueue, workflowBundle } from './temporal.ts';

export interface TestStack {
  url: string;
  database: TestDatabase;
  smtp: TestSmtpServer;
  stop(): Promise<void>;
}

export async function startTestStack(): Promise<TestStack> {
  const database = await createTestDatabase();
  await loadDemoCatalogue(database.db, testToday());
  const smtp = await startSmtpServer();
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    DEV_TOOLS: 'true',
    PORT: String(port),
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: uniqueTaskQueue('e2e'),
    SMTP_URL: smtp.url,
    LOG_LEVEL: 'silent',
  });
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
  const workerConnection = await connectWorker();
  const worker: Worker = await createAppWorker({
    connection: workerConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    deps: { db: database.db, mailer, now: testNow, publicUrl: config.PUBLIC_URL, documents: createFolderStore(path.resolve(config.DOCUMENTS_DIR)), payfip: payfipClient({ serviceUrl: payfipEndpoints(config).serviceUrl }) },
    workflowBundle: await workflowBundle(workflowsPath),
  });
  const workerRun = worker.run();
  // As in production: the server's client shares its worker's connection and starts baskets eagerly.
  const server = await startWebServer({
    config,
    db: database.db,
    temporalConnection: workerConnection,
    eagerStart: true,
    logger: createTestLogger('e2e'),
    hostname: '127.0.0.1',
    now: testNow,
  });
  return {
    url: `http://localhost:${port}`,
    database,
    smtp,
    async stop() {
      await server.close();
      worker.shutdown();
      await workerRun;
      await workerConnection.close();
      mailer.close();
      await smtp.close();
      await database.drop();
    },
  };
}
