// Staff: Effectifs cuisine for the days ahead, as a page and a CSV, for their communes only. The
// children whose plate needs care are named on the page for today's service only, each such
// reading journalled; the CSV and the other days give counts per need, never a name.
import { Hono, type Context } from 'hono';
import { kitchenCounts, recordKitchenView } from '../../db/queries/kitchen/kitchen.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { addDays, isIsoDate, parisDate, type IsoDate } from '../../domain/dates.ts';
import { toCsv } from '../../lib/csv.ts';
import { csvDownload } from '../http/csv-download.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { currentUser } from '../middleware/guards.ts';
import { KitchenPage, needsLine } from './views/kitchen.tsx';
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
  const rowsOf = async (c: Context<AppEnv>, from: IsoDate, days: number) => kitchenCounts(db, await staffCommuneIds(db, currentUser(c)), from, addDays(from, days - 1), parisDate(now()));

  router.get('/cuisine', async (c) => {
    const { from, days } = period(c);
    const rows = await rowsOf(c, from, days);
    await recordKitchenView(db, currentUser(c).id, rows);
    c.header('Cache-Control', 'private, no-store');
    return c.render(<KitchenPage from={from} days={days} rows={rows} />, { title: 'Effectifs cuisine' });
  });

  router.get('/cuisine/export.csv', async (c) => {
    const { from, days } = period(c);
    const rows = await rowsOf(c, from, days);
    const csv = toCsv(
      ['Date', 'Commune', 'Site', 'Type de repas', 'Repas', "Allergies, régimes et PAI (nombre d'enfants)"],
      rows.map((row) => [row.day, row.commune, row.site, row.meal, row.meals, needsLine(row)]),
    );
    return csvDownload(c, `effectifs-cuisine-${from}.csv`, csv);
  });

  return router;
}
