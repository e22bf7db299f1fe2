// Staff: Effectifs cuisine for the days ahead, as a page and a CSV, for their communes only.
import { Hono, type Context } from 'hono';
import { kitchenCounts } from '../../db/queries/kitchen/kitchen.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { addDays, isIsoDate, parisDate, type IsoDate } from '../../domain/dates.ts';
import { toCsv } from '../../lib/csv.ts';
import { csvDownload } from '../http/csv-download.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { currentUser } from '../middleware/guards.ts';
import { childLine, KitchenPage } from './views/kitchen.tsx';
import type { AccessTable } from '../http/access.ts';

/** Who may call each route below (see web/http/access.ts). */
export const kitchenAccess = {
  'GET /agent/cuisine': { who: 'staff' },
  'GET /agent/cuisine/export.csv': { who: 'staff' },
} satisfies AccessTable;

export function kitchenRoutes({ db, now }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  /** The period asked: from a day (today by default) for 1 to 31 days (14 by default). */
  const period = (c: Context<AppEnv>): { from: IsoDate; days: number } => {
    const asked = c.req.query('du') ?? '';
    const from = isIsoDate(asked) ? asked : parisDate(now());
    const days = Math.min(31, Math.max(1, Number.parseInt(c.req.query('jours') ?? '', 10) || 14));
    return { from, days };
  };
  const rowsOf = async (c: Context<AppEnv>, from: IsoDate, days: number) => kitchenCounts(db, await staffCommuneIds(db, currentUser(c)), from, addDays(from, days - 1));

  router.get('/cuisine', async (c) => {
    const { from, days } = period(c);
    return c.render(<KitchenPage from={from} days={days} rows={await rowsOf(c, from, days)} />, { title: 'Effectifs cuisine' });
  });

  router.get('/cuisine/export.csv', async (c) => {
    const { from, days } = period(c);
    const rows = await rowsOf(c, from, days);
    const csv = toCsv(
      ['Date', 'Commune', 'Site', 'Type de repas', 'Repas', 'Dont allergie ou régime signalé', 'Enfants concernés'],
      rows.map((row) => [row.day, row.commune, row.site, row.meal, row.meals, row.allergies.length, row.allergies.map(childLine).join(' ; ')]),
    );
    return csvDownload(c, `effectifs-cuisine-${from}.csv`, csv);
  });

  return router;
}
