// Temporal for tests: a client on the run's dev server, and workers with real or mocked
// activities on a task queue of their own, so files running side by side never share work.
import type { DataConverter } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode, type WorkerOptions } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, inject } from 'vitest';
import { temporalTestServerExecutable } from '../../scripts/lib/temporal-binaries.ts';
import { createMailer } from '../../lib/mail/mailer.ts';
import { testDocumentStore } from './documents.ts';
import type { Db } from '../../db/connection.ts';
import type { CardRefunds } from '../../lib/payments/card-refunds.ts';
import { clockOffsetMs } from '../../lib/clock.ts';
import { workflowClockBundlerOptions } from '../../lib/temporal/workflow-clock.ts';
import { testNow } from './clock.ts';
import { createAppWorker, registerSearchAttributes, workflowsPath } from '../../worker.ts';

let runtimeInstalled = false;
/** Keeps the SDK's per-worker INFO chatter out of test output; warnings still show. */
export function quietTemporalRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

export function uniqueTaskQueue(prefix = 'test'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export async function connectClient(dataConverter?: DataConverter): Promise<Client> {
  const connection = await Connection.connect({ address: inject('temporalAddress') });
  return new Client({ connection, ...(dataConverter ? { dataConverter } : {}) });
}

export function connectWorker(): Promise<NativeConnection> {
  quietTemporalRuntime();
  return NativeConnection.connect({ address: inject('temporalAddress') });
}

const bundles = new Map<string, ReturnType<typeof bundleWorkflowCode>>();
/**
 * Bundles a workflows file once per test file (webpack takes about a second). Workflows on the
 * dev server, which runs on the machine's time, carry the tests' clock shift (AS_OF); those of a
 * time-skipping environment carry none, the environment itself being moved.
 */
export function workflowBundle(workflowsPath: string, clockShiftMs = clockOffsetMs()): ReturnType<typeof bundleWorkflowCode> {
  const key = `${workflowsPath}@${clockShiftMs}`;
  let bundle = bundles.get(key);
  if (!bundle) {
    quietTemporalRuntime();
    bundle = bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN'), ...workflowClockBundlerOptions(clockShiftMs) });
    bundles.set(key, bundle);
  }
  return bundle;
}

/** A worker for a time-skipping environment (or for workflows that read no date). */
export async function createTestWorker(options: Omit<WorkerOptions, 'workflowBundle' | 'workflowsPath'> & { workflowsPath: string }): Promise<Worker> {
  const { workflowsPath, ...rest } = options;
  return Worker.create({ ...rest, workflowBundle: await workflowBundle(workflowsPath, 0) });
}

/**
 * A time-skipping environment (Temporal's Java test server) that knows our search attributes,
 * its time moved to the tests' clock when the suite runs as if today were another day.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietTemporalRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: temporalTestServerExecutable() } });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  const behind = testNow().getTime() - (await env.currentTimeMs());
  if (behind > 1000) await env.sleep(behind);
  return env;
}

/** A worker of the real app (every workflow, real activities, mail kept in the outbox). */
export async function startAppWorker(db: Db, taskQueue: string, now: () => Date = testNow, dataConverter?: DataConverter, refunds?: CardRefunds): Promise<{ stop(): Promise<void> }> {
  const connection = await connectWorker();
  const worker = await createAppWorker({
    connection,
    namespace: 'default',
    taskQueue,
    deps: { db, mailer: createMailer({ from: 'test@citoyens.test' }), now, publicUrl: 'http://localhost:3000', documents: testDocumentStore(), refunds },
    workflowBundle: await workflowBundle(workflowsPath),
    dataConverter,
  });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

/**
 * Registers hooks that give a test file a client on the run's Temporal server and, when asked,
 * a worker of the real app on a task queue of the file's own.
 */
export function useTemporal(options: { worker?: { db: () => Db; now?: () => Date; refunds?: () => CardRefunds }; dataConverter?: DataConverter } = {}): { readonly client: Client; readonly taskQueue: string } {
  const taskQueue = uniqueTaskQueue('app');
  let client: Client | undefined;
  let worker: { stop(): Promise<void> } | undefined;
  beforeAll(async () => {
    client = await connectClient(options.dataConverter);
    if (options.worker) worker = await startAppWorker(options.worker.db(), taskQueue, options.worker.now, options.dataConverter, options.worker.refunds?.());
  });
  afterAll(async () => {
    await worker?.stop();
    await client?.connection.close();
  });
  return {
    get client() {
      if (!client) throw new Error('The Temporal client is ready only inside tests and hooks');
      return client;
    },
    taskQueue,
  };
}
