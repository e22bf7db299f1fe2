// The Hono app wired to a test database and the run's Temporal server, for `app.request()` tests.
import type { Client } from '@temporalio/client';
import type { Hono } from 'hono';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { createLogger } from '../../logger.ts';
import { createApp } from '../../web/app.ts';

export const TEST_ORIGIN = 'http://localhost:3000';

export function createTestApp(deps: { db: Db; temporal: Client; nodeEnv?: Config['NODE_ENV'] }): Hono {
  return createApp({
    config: { NODE_ENV: deps.nodeEnv ?? 'test', PUBLIC_URL: TEST_ORIGIN },
    db: deps.db,
    temporal: deps.temporal,
    logger: createLogger('silent', 'test'),
  });
}

/** A form POST as a browser on our own site sends it. */
export function postForm(app: Hono, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}
