// The cart, « Mon panier »: the places held, their total and the minutes left, and « Retirer »,
// which gives places back (an offered one declined goes to the next family waiting).
import { Hono } from 'hono';
import { z } from 'zod';
import { cartHolds, cartSummary, extendCart, recentlyExpired, releaseHolds } from '../../db/queries/booking/cart.ts';
import { wakeWaitingLists } from '../waitlist/index.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { currentUser } from '../middleware/guards.ts';
import { CartPage, groupCart } from './views/cart.tsx';
import { repeatedIds } from '../forms/schemas.ts';

/** « Retirer »: the holds ticked (any other id is left out, and a hold of another family is not found). */
const removeSchema = z.object({ hold: repeatedIds });

/** Who may call each route below (see web/http/access.ts). */
export const cartAccess = {
  'GET /panier': { who: 'parent' },
  'POST /panier/retirer': { who: 'parent', input: { form: 'GET /panier' } },
} satisfies AccessTable;

export function cartRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, config, now } = deps;
  const router = new Hono<AppEnv>();

  router.get('/panier', async (c) => {
    const user = currentUser(c);
    const holds = await cartHolds(db, user.id, now());
    const soonest = holds.reduce<number | null>((min, hold) => (min === null || hold.expires_at.getTime() < min ? hold.expires_at.getTime() : min), null);
    return c.render(
      <CartPage
        lines={groupCart(holds)}
        summary={await cartSummary(db, user.id, now())}
        minutesLeft={soonest === null ? null : Math.max(1, Math.ceil((soonest - now().getTime()) / 60_000))}
        expired={await recentlyExpired(db, user.id, now())}
        removed={Number(c.req.query('retire') ?? 0) || 0}
        inOrder={c.req.query('en-commande') !== undefined}
      />,
      { title: 'Mon panier' },
    );
  });

  router.post('/panier/retirer', async (c) => {
    const user = currentUser(c);
    const requested = removeSchema.parse(await c.req.parseBody({ all: true })).hold;
    const { released, inOrder } = await releaseHolds(db, user.id, requested, now());
    if (released.length === 0 && inOrder > 0) return c.redirect('/panier?en-commande=1', 303);
    if (released.length === 0) return c.notFound();
    // The places given back (an offered one declined) go to their days' waiting lists.
    await wakeWaitingLists(deps, released.map((holdId) => ({ holdId })));
    // The basket's workflow learns of both when its timer fires: the database says what is left.
    await extendCart(db, user.id, now(), new Date(now().getTime() + config.HOLD_MINUTES * 60_000));
    return c.redirect(`/panier?retire=${released.length}`, 303);
  });

  return router;
}
