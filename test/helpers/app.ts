// The Hono app wired to a test database and the run's Temporal server, for `app.request()` tests.
import type { Client } from '@temporalio/client';
import type { Hono } from 'hono';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { createApp } from '../../web/app.ts';
import { testNow } from './clock.ts';
import { createTestLogger } from './logs.ts';
import type { AppEnv } from '../../web/http/env.ts';
import type { DocumentStore } from '../../lib/documents/store.ts';
import { testDocumentStore } from './documents.ts';
import { createSandboxKeys, sandboxProvider, type CardProvider, type SandboxKeys } from '../../lib/payments/provider.ts';

export const TEST_ORIGIN = 'http://localhost:3000';

export interface TestAppOptions {
  db: Db;
  temporal: Client;
  nodeEnv?: Config['NODE_ENV'];
  devTools?: boolean;
  taskQueue?: string;
  now?: () => Date;
  documents?: DocumentStore;
  /** The site's address (http://localhost:3000 unless a test needs https). */
  publicUrl?: string;
  /** Page reads trust a validated session this long (0, the tests' default: never). */
  sessionCacheSeconds?: number;
  /** How long « Commander » waits for its basket (the app's 20 s unless a test of an unreachable Temporal shortens it). */
  placeOrderDeadlineMs?: number;
  /** The card provider (the sandbox unless a test needs Paybox's own forms). */
  payments?: CardProvider;
}

// One sandbox per test process: an RSA key pair takes a moment to make.
let sandbox: SandboxKeys | undefined;

/** The sandbox the test apps of this process play the provider with. */
export function testSandbox(): SandboxKeys {
  sandbox ??= createSandboxKeys(TEST_ORIGIN);
  return sandbox;
}

export function createTestApp(options: TestAppOptions): Hono<AppEnv> {
  sandbox ??= createSandboxKeys(TEST_ORIGIN);
  return createApp({
    config: { NODE_ENV: options.nodeEnv ?? 'test', DEV_TOOLS: options.devTools ?? true, TEMPORAL_UI_ORIGIN: 'http://localhost:8233', PUBLIC_URL: options.publicUrl ?? TEST_ORIGIN, TEMPORAL_TASK_QUEUE: options.taskQueue ?? 'unused', TRUSTED_PROXIES: 1, HOLD_MINUTES: 30, SESSION_CACHE_SECONDS: options.sessionCacheSeconds ?? 0 },
    db: options.db,
    temporal: options.temporal,
    logger: createTestLogger('web'),
    documents: options.documents ?? testDocumentStore(),
    now: options.now ?? testNow,
    ...(options.placeOrderDeadlineMs ? { placeOrderDeadlineMs: options.placeOrderDeadlineMs } : {}),
    payments: options.payments ?? sandboxProvider(sandbox),
    sandbox,
  });
}

/** A form POST as a browser on our own site sends it. */
export function postForm(app: Hono<AppEnv>, url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return app.request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}
