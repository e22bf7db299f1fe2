// Staff: the tableau de bord (/agent), the staff's home after login; their communes only.
import { Hono } from 'hono';
import { serviceLoad, waitingCounts } from '../../db/queries/dashboard/dashboard.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { addDays, parisDate } from '../../domain/dates.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { currentUser } from '../middleware/guards.ts';
import { DashboardPage } from './views/dashboard.tsx';
import type { AccessTable } from '../http/access.ts';

/** Who may call each route below (see web/http/access.ts). */
export const dashboardAccess = {
  'GET /agent': { who: 'staff' },
} satisfies AccessTable;

export function dashboardRoutes({ db, now }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();
  router.get('/', async (c) => {
    const communes = await staffCommuneIds(db, currentUser(c));
    const today = parisDate(now());
    const [waiting, load] = await Promise.all([waitingCounts(db, communes), serviceLoad(db, communes, today, addDays(today, 27))]);
    return c.render(<DashboardPage waiting={waiting} today={today} tomorrow={addDays(today, 1)} load={load} admin={currentUser(c).role === 'admin'} />, { title: 'Tableau de bord' });
  });
  return router;
}
