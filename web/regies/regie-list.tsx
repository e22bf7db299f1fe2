// Staff: the régies of their communes, each with its daily closing and its monthly exports, and
// the staff member's role in it.
import { Hono } from 'hono';
import { staffRegies } from '../../db/queries/regies/closing.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { currentUser } from '../middleware/guards.ts';
import { RegieListPage } from './views/regie-list.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const regieListAccess = {
  'GET /agent/regies': { who: 'staff' },
} satisfies AccessTable;

export function regieListRoutes({ db }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();
  router.get('/regies', async (c) => c.render(<RegieListPage regies={await staffRegies(db, currentUser(c))} />, { title: 'Régies de recettes' }));
  return router;
}
