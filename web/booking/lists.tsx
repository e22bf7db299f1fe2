// « Mes listes »: the family's saved bookings; applying one to a month opens the product's page
// with the list's prestation, children and that month's bookable days of its weekdays checked
// (the page says which it left out); removing one.
import { Hono, type Context } from 'hono';
import { familyBookingList, familyBookingLists, removeBookingList } from '../../db/queries/booking/booking-lists.ts';
import { productForBooking } from '../../db/queries/booking/booking.ts';
import { listDependants } from '../../db/queries/family/index.ts';
import { addMonths } from '../../domain/booking-calendar.ts';
import { parisDate } from '../../domain/dates.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ID, idParam } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { ListsPage } from './views/lists.tsx';
import { listDays } from './booking-days.ts';
import { z } from 'zod';
import { anyText } from '../forms/schemas.ts';
import { readForm } from '../forms/forms.ts';

/** « Appliquer »: the month chosen (the handler refuses one outside the product's season). */
const applyListForm = z.object({ mois: anyText });

/** Who may call each route below (see web/http/access.ts). */
export const bookingListAccess = {
  'GET /mon-compte/listes': { who: 'parent' },
  'POST /mon-compte/listes/:id/appliquer': { who: 'parent', object: 'booking-list', input: { form: 'GET /mon-compte/listes' } },
  'POST /mon-compte/listes/:id/supprimer': { who: 'parent', object: 'booking-list', input: 'button' },
} satisfies AccessTable;

/** The months a list may be applied to: from this one (or the season's first) to the season's last, six at most. */
function monthsOf(season: { start: string; end: string }, today: string): string[] {
  const months: string[] = [];
  for (let month = (today > season.start ? today : season.start).slice(0, 7); month <= season.end.slice(0, 7) && months.length < 6; month = addMonths(month, 1)) months.push(month);
  return months;
}

export function bookingListRoutes({ db, now }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, extra: { message?: string | null; error?: string } = {}) => {
    const user = currentUser(c);
    const [lists, children] = await Promise.all([familyBookingLists(db, user.id), listDependants(db, user.id)]);
    const today = parisDate(now());
    const rows = lists.map((list) => ({
      ...list,
      children: list.children.map((id) => children.find((child) => child.id === Number(id))?.first_name).filter((name): name is string => Boolean(name)),
      months: monthsOf({ start: list.season_start, end: list.season_end }, today),
    }));
    return c.render(<ListsPage lists={rows} message={extra.message ?? null} error={extra.error} />, { title: 'Mes listes' });
  };

  router.get('/mon-compte/listes', (c) => page(c, { message: c.req.query('ok') === '1' ? 'La liste est enregistrée.' : c.req.query('ok') === 'supprimee' ? 'La liste est supprimée.' : null }));

  router.post(`/mon-compte/listes/:id${ID}/appliquer`, async (c) => {
    const user = currentUser(c);
    const list = await familyBookingList(db, user.id, idParam(c));
    if (!list) return c.notFound();
    const refuse = (error: string) => {
      c.status(400);
      return page(c, { error });
    };
    const { mois: month } = applyListForm.parse(await readForm(c));
    const product = await productForBooking(db, list.product_id);
    if (!product || product.channel !== 'online') return refuse("Cette activité ne se réserve plus en ligne : la liste ne peut plus s'appliquer.");
    if (!monthsOf({ start: product.season_start, end: product.season_end }, parisDate(now())).includes(month)) return refuse('Choisissez un mois de la saison de cette activité.');
    const family = new Set((await listDependants(db, user.id)).map((child) => child.id));
    const children = list.children.map(Number).filter((id) => family.has(id));
    if (children.length === 0) return refuse("Les enfants de cette liste ne sont plus dans vos filiations.");

    const { bookable } = await listDays(db, product, { prestationId: list.prestation_id, children, weekdays: list.weekdays }, month, now());
    const query = new URLSearchParams([['prestation', String(list.prestation_id)], ...children.map((id) => ['enfant', String(id)]), ['mois', month], ['liste', String(list.id)]]);
    for (const day of bookable) query.append('date', day);
    return c.redirect(`/produits/${product.id}?${query}`, 303);
  });

  router.post(`/mon-compte/listes/:id${ID}/supprimer`, async (c) => {
    if (!(await removeBookingList(db, currentUser(c).id, idParam(c)))) return c.notFound();
    return c.redirect('/mon-compte/listes?ok=supprimee', 303);
  });

  return router;
}
