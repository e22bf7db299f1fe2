// GET /health: 200 when the database and Temporal answer, 503 naming the part that does not.
import { Hono } from 'hono';
import { ping } from '../../db/queries/site/health.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AccessTable } from '../http/access.ts';

const TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref()),
  ]);
}

/** Who may call each route below (see web/http/access.ts). */
export const healthAccess = {
  'GET /health': { who: 'anyone' },
} satisfies AccessTable;

export function healthRoutes({ db, workflows }: Pick<AppDeps, 'db' | 'workflows'>): Hono {
  const router = new Hono();
  router.get('/', async (c) => {
    const [database, temporalStatus] = await Promise.all([
      withTimeout(ping(db)).then(() => 'ok' as const, () => 'down' as const),
      withTimeout(workflows.reachable()).then(() => 'ok' as const, () => 'down' as const),
    ]);
    const healthy = database === 'ok' && temporalStatus === 'ok';
    c.header('Cache-Control', 'no-store');
    return c.json({ status: healthy ? 'ok' : 'degraded', database, temporal: temporalStatus }, healthy ? 200 : 503);
  });
  return router;
}
