// The family's side of the waiting lists: joining the line of full days from the refusal of a
// cart, « Mes listes d'attente » with each place in line, and leaving a line (an offered place
// declined goes to the next family). Each change wakes the day's waitlist-<product>-<day> workflow.
import { Hono } from 'hono';
import { listDependants } from '../../db/queries/family.ts';
import { familyWaitlist, joinWaitlist, leaveWaitlist } from '../../db/queries/waitlist.ts';
import { isIsoDate } from '../../domain/dates.ts';
import type { AccessTable } from '../access.ts';
import type { AppDeps } from '../app.ts';
import type { AppEnv } from '../env.ts';
import { ID, idParam } from '../form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { MyWaitingListsPage } from '../views/waitlist/family.tsx';

/** Who may call each route below (see web/access.ts). */
export const waitlistFamilyAccess = {
  'POST /produits/:id/liste-attente': { who: 'parent', object: 'product', input: 'button' },
  'GET /mon-compte/listes-attente': { who: 'parent' },
  'POST /mon-compte/listes-attente/:id/quitter': { who: 'parent', object: 'waitlist-entry', input: 'button' },
} satisfies AccessTable;

const ids = (values: unknown[]) => [...new Set(values.filter((v): v is string => typeof v === 'string' && /^\d{1,12}$/.test(v)).map(Number))];

export function waitlistFamilyRoutes({ db, workflows, now }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  const page = async (userId: number, extra: { message?: string | null; error?: string | null } = {}) =>
    <MyWaitingListsPage entries={await familyWaitlist(db, userId)} message={extra.message ?? null} error={extra.error ?? null} />;

  router.post(`/produits/:id${ID}/liste-attente`, async (c) => {
    const user = currentUser(c);
    const productId = idParam(c);
    const body = await c.req.parseBody({ all: true });
    const dates = [body.date ?? []].flat().filter((v): v is string => typeof v === 'string' && isIsoDate(v));
    const [prestationId] = ids([body.prestation ?? []].flat());
    // Only the family's own children.
    const children = (await listDependants(db, user.id)).map((d) => d.id);
    const dependantIds = ids([body.enfant ?? []].flat()).filter((id) => children.includes(id));
    const joined = prestationId === undefined ? { ok: false as const, error: 'Choisissez la prestation.' } : await joinWaitlist(db, { userId: user.id, productId, prestationId, dependantIds, dates: [...new Set(dates)], now: now() });
    if (!joined.ok) {
      c.status(400);
      return c.render(await page(user.id, { error: joined.error }), { title: "Mes listes d'attente" });
    }
    for (const day of new Set(dates)) await workflows.waitlistPlaceFreed(productId, day);
    return c.redirect('/mon-compte/listes-attente?ok=inscrit', 303);
  });

  router.get('/mon-compte/listes-attente', async (c) => {
    const said: Record<string, string> = { inscrit: 'Vous êtes sur la liste d’attente : un mail vous préviendra si une place se libère.', quitte: 'Vous avez quitté la liste.' };
    return c.render(await page(currentUser(c).id, { message: said[c.req.query('ok') ?? ''] ?? null }), { title: "Mes listes d'attente" });
  });

  router.post(`/mon-compte/listes-attente/:id${ID}/quitter`, async (c) => {
    const user = currentUser(c);
    const left = await leaveWaitlist(db, user.id, idParam(c), now());
    if (!left) return c.notFound();
    await workflows.waitlistPlaceFreed(left.productId, left.day);
    return c.redirect('/mon-compte/listes-attente?ok=quitte', 303);
  });

  return router;
}
