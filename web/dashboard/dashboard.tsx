// Staff: the tableau de bord (/agent), the staff's home after login; their communes only.
import { Hono } from 'hono';
import { nextServiceDay, serviceLoad, waitingCounts } from '../../db/queries/dashboard/dashboard.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { weeklyReceipts } from '../../db/queries/regies/index.ts';
import { addDays, isoWeekday, parisDate } from '../../domain/dates.ts';
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
    const tomorrow = addDays(today, 1);
    // The treasury: the last ten weeks, this one included, Monday to Sunday.
    const monday = addDays(today, 1 - isoWeekday(today));
    const weeks = Array.from({ length: 10 }, (_, i) => addDays(monday, 7 * (i - 9)));
    const [waiting, load, receipts] = await Promise.all([waitingCounts(db, communes), serviceLoad(db, communes, today, addDays(today, 27)), weeklyReceipts(db, communes, weeks[0]!, today)]);
    // Nothing today nor tomorrow: the next service day is named, with its services (it may lie past the four weeks).
    const next = load.some((row) => row.day === today || row.day === tomorrow) ? null : await nextServiceDay(db, communes, addDays(today, 2));
    const nextLoad = next === null ? [] : next <= addDays(today, 27) ? load.filter((row) => row.day === next) : await serviceLoad(db, communes, next, next);
    return c.render(
      <DashboardPage waiting={waiting} today={today} tomorrow={tomorrow} load={load} next={next === null ? null : { day: next, load: nextLoad }} admin={currentUser(c).role === 'admin'} treasury={{ weeks, receipts }} />,
      { title: 'Tableau de bord' },
    );
  });
  return router;
}
