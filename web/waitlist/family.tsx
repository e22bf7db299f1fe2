// The family's side of the waiting lists (joining from a product's page: join.tsx):
// « Mes listes d'attente » with each place in line, and leaving a line (an offered place declined
// goes to the next family), which wakes the day's waitlist-<product>-<day> workflow.
import { Hono } from 'hono';
import { familyWaitlist, leaveWaitlist } from '../../db/queries/waitlist/waitlist.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ID, idParam } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { wakeWaitingLists } from './wake.ts';
import { MyWaitingListsPage } from './views/family.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const waitlistFamilyAccess = {
  'GET /mon-compte/listes-attente': { who: 'parent' },
  'POST /mon-compte/listes-attente/:id/quitter': { who: 'parent', object: 'waitlist-entry', input: 'button' },
} satisfies AccessTable;

export function waitlistFamilyRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, now } = deps;
  const router = new Hono<AppEnv>();

  const page = async (userId: number, extra: { message?: string | null; error?: string | null } = {}) =>
    <MyWaitingListsPage entries={await familyWaitlist(db, userId)} message={extra.message ?? null} error={extra.error ?? null} />;

  router.get('/mon-compte/listes-attente', async (c) => {
    const said: Record<string, string> = { inscrit: 'Vous êtes sur la liste d’attente : un mail vous préviendra si une place se libère.', quitte: 'Vous avez quitté la liste.' };
    return c.render(await page(currentUser(c).id, { message: said[c.req.query('ok') ?? ''] ?? null }), { title: "Mes listes d'attente" });
  });

  router.post(`/mon-compte/listes-attente/:id${ID}/quitter`, async (c) => {
    const user = currentUser(c);
    const left = await leaveWaitlist(db, user.id, idParam(c), now());
    if (!left) return c.notFound();
    await wakeWaitingLists(deps, [left]);
    return c.redirect('/mon-compte/listes-attente?ok=quitte', 303);
  });

  return router;
}
