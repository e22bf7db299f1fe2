// « M'inscrire sur liste d'attente », the personalise form's other button (formaction): the
// children chosen wait for the full days checked, with the prestation chosen; each day's
// waitlist-<product>-<day> workflow is woken (a place may be free). Refused, the product's form
// comes back with its errors (web/booking/product-page.tsx).
import { Hono } from 'hono';
import { listDependants } from '../../db/queries/family/index.ts';
import { othersWeekDays } from '../../db/queries/guardians/index.ts';
import { formatLongDate } from '../../domain/dates.ts';
import { joinWaitlist } from '../../db/queries/waitlist/index.ts';
import { productPages, readChoices, type PersonaliseErrors } from '../booking/index.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ID, idParam } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { wakeWaitingLists } from './wake.ts';

/** Who may call each route below (see web/http/access.ts). */
export const waitlistJoinAccess = {
  'POST /produits/:id/liste-attente': { who: 'parent', object: 'product', input: { fields: ['prestation', 'enfant', 'attente'] } },
} satisfies AccessTable;

export function waitlistJoinRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, now } = deps;
  const { products, missingFor, productPage, formAgain } = productPages(deps);
  const router = new Hono<AppEnv>();

  router.post(`/produits/:id${ID}/liste-attente`, async (c) => {
    const user = currentUser(c);
    const productId = idParam(c);
    const product = await products.forBooking(productId);
    if (!product || product.channel !== 'online') return c.notFound();
    const choices = readChoices(await c.req.parseBody({ all: true }));
    const htmx = c.req.header('HX-Request') === 'true';
    const refuse = (errors: PersonaliseErrors) => formAgain(c, product, user, choices, 400, { errors });
    if ((await missingFor(user, productId)).missing.length > 0) {
      c.status(403);
      return productPage(c, productId, choices);
    }
    const family = (await listDependants(db, user.id)).map((child) => child.id);
    const errors: PersonaliseErrors = {};
    if (!product.prestations.some((p) => p.id === choices.prestationId)) errors.prestation = 'Choisissez le type de prestation.';
    if (choices.children.length === 0 || choices.children.some((id) => !family.includes(id))) errors.enfant = 'Cochez au moins un bénéficiaire.';
    if (choices.waiting.length === 0 || choices.waiting.length > 60) errors.date = 'Cochez « liste d\'attente » sur un ou plusieurs jours complets (60 au plus).';
    if (Object.keys(errors).length > 0) return refuse(errors);
    // Alternate weeks both guardians agreed: the other's week is theirs to wait for.
    const othersWeek = await othersWeekDays(db, { userId: user.id, productId, dependantIds: choices.children, days: choices.waiting });
    if (othersWeek.length > 0) return refuse({ date: `${othersWeek.map((week) => formatLongDate(week.day)).filter((day, i, all) => all.indexOf(day) === i).join(', ')} : semaine de ${othersWeek[0]!.holder} (garde alternée), c'est à ${othersWeek[0]!.holder} de réserver.` });
    const joined = await joinWaitlist(db, { userId: user.id, productId, prestationId: choices.prestationId!, dependantIds: choices.children, dates: choices.waiting, now: now() });
    if (!joined.ok) return refuse({ date: joined.error });
    await wakeWaitingLists(deps, choices.waiting.map((day) => ({ productId, day })));
    if (!htmx) return c.redirect('/mon-compte/listes-attente?ok=inscrit', 303);
    c.header('HX-Redirect', '/mon-compte/listes-attente?ok=inscrit');
    return c.body(null, 204);
  });

  return router;
}
