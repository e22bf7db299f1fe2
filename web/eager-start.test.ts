// Eager start: with a worker in the web server's process, on the same connection, a new basket's
// first task comes back with the start's answer and runs here; through a plain client it goes
// through the server's matching to whichever worker polls.
import { Client } from '@temporalio/client';
import type { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../lib/mail/mailer.ts';
import { testDocumentStore } from '../test/helpers/documents.ts';
import { useTestDatabase } from '../test/helpers/database.ts';
import { createTestLogger } from '../test/helpers/logs.ts';
import { connectClient, connectWorker, uniqueTaskQueue, workflowBundle } from '../test/helpers/temporal.ts';
import { basketWorkflowId } from '../workflows/orders/basket.messages.ts';
import { createAppWorker, workflowsPath } from '../worker.ts';
import { createWorkflowClient } from './workflows.ts';
import { testNow } from '../test/helpers/clock.ts';

const database = useTestDatabase();
const taskQueue = uniqueTaskQueue('eager');
const family = { userId: 1, commune: 'rosieres' };
let connection: NativeConnection;
let worker: Worker;
let running: Promise<void>;
let plain: Client;

beforeAll(async () => {
  connection = await connectWorker();
  worker = await createAppWorker({
    connection,
    namespace: 'default',
    taskQueue,
    deps: { db: database.db, mailer: createMailer({ from: 'test@citoyens.test' }), now: testNow, publicUrl: 'http://localhost:3000', documents: testDocumentStore() },
    workflowBundle: await workflowBundle(workflowsPath),
  });
  running = worker.run();
  plain = await connectClient();
});

afterAll(async () => {
  worker.shutdown();
  await running;
  await connection.close();
  await plain.connection.close();
});

const basket = (number: string) => ({ number, expiresAt: new Date(testNow().getTime() + 3_600_000).toISOString() });

/** The basket's first workflow task completed (its timer set), by whichever worker. */
async function firstTaskDone(number: string): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const history = await plain.workflow.getHandle(basketWorkflowId(number)).fetchHistory();
    if (history.events?.some((event) => event.timerStartedEventAttributes)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('openBasket', () => {
  it('starts the basket eagerly on the worker of its own process', async () => {
    const workflows = createWorkflowClient(new Client({ connection }), taskQueue, createTestLogger('eager'), database.db, { eagerStart: true });
    expect(await workflows.openBasket(basket('E-0001'), family)).toEqual({ eagerlyStarted: true });
    expect(await firstTaskDone('E-0001')).toBe(true);
    // Opened again while it runs: the same basket, nothing started.
    expect(await workflows.openBasket(basket('E-0001'), family)).toEqual({ eagerlyStarted: false });
    await plain.workflow.getHandle(basketWorkflowId('E-0001')).terminate('test over');
  });

  it('leaves the first task to the server\'s matching without a worker on its connection', async () => {
    const workflows = createWorkflowClient(plain, taskQueue, createTestLogger('eager'), database.db, { eagerStart: false });
    expect(await workflows.openBasket(basket('E-0002'), family)).toEqual({ eagerlyStarted: false });
    expect(await firstTaskDone('E-0002')).toBe(true);
    await plain.workflow.getHandle(basketWorkflowId('E-0002')).terminate('test over');
  });
});
