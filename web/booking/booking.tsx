// A product page with its personalisation (prestation, children, calendar) and « Ajouter au
// panier » (all or nothing; the places join the family's basket workflow), or « Enregistrer comme
// liste ». The cart is web/booking/cart.tsx.
import { Hono, type Context } from 'hono';
import { dayState } from '../../domain/booking-calendar.ts';
import { isoWeekday } from '../../domain/dates.ts';
import { daysAlreadyFull, placeHolds, type BookingProduct } from '../../db/queries/booking/booking.ts';
import { cartSummary, extendCart, holdsTotal } from '../../db/queries/booking/cart.ts';
import { familyBookingList, saveBookingList } from '../../db/queries/booking/booking-lists.ts';
import { listDependants } from '../../db/queries/family/index.ts';
import { othersWeekDays } from '../../db/queries/guardians/index.ts';
import type { User } from '../../db/database.ts';
import { admissionLine } from './admission.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ID, idParam } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { AddedToCart } from './views/added.tsx';
import { ChildPrice, type PersonaliseProps } from './views/personalise.tsx';
import { RefusedPage, RefusedUpdate, type Refusal } from './views/refused.tsx';
import type { AccessTable } from '../http/access.ts';
import { calendarRules, listDays } from './booking-days.ts';
import { productPages, readChoices, type Choices } from './product-page.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const bookingAccess = {
  'GET /produits/:id': { who: 'anyone', object: 'product' },
  'GET /produits/:id/calendrier': { who: 'parent', object: 'product' },
  'POST /produits/:id/panier': { who: 'parent', object: 'product', input: { form: 'GET /produits/:id' } },
} satisfies AccessTable;

export function bookingRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, config, now } = deps;
  const router = new Hono<AppEnv>();
  // Carts taken eight at a time: enough to keep the database busy, few enough to leave the CPU
  // to the orders under way.
  const cartLine = admissionLine(8);

  const { products, missingFor, beneficiariesFor, calendarFor, productPage, formAgain } = productPages(deps);

  /** « Enregistrer comme liste »: the prestation, the children and the weekdays of the dates chosen. */
  async function saveListFrom(user: User, product: BookingProduct, choices: Choices): Promise<{ id: number } | { errors: NonNullable<PersonaliseProps['errors']> }> {
    const prestation = product.prestations.find((p) => p.id === choices.prestationId);
    const family = new Set((await listDependants(db, user.id)).map((d) => d.id));
    const name = choices.listName ?? '';
    const errors: NonNullable<PersonaliseProps['errors']> = {};
    if (!prestation) errors.prestation = 'Choisissez le type de prestation.';
    if (choices.children.length === 0 || !choices.children.every((id) => family.has(id))) errors.enfant = 'Cochez au moins un bénéficiaire.';
    if (choices.dates.length === 0) errors.date = 'Choisissez au moins une date : la liste en retient les jours de la semaine.';
    if (name.length < 2 || name.length > 60 || /[\u0000-\u001f\u007f]/.test(name)) errors.liste = 'Donnez un nom à la liste (2 à 60 caractères).';
    if (Object.keys(errors).length > 0) return { errors };
    const weekdays = [...new Set(choices.dates.map(isoWeekday))].sort();
    const saved = await saveBookingList(db, { userId: user.id, name, productId: product.id, prestationId: prestation!.id, children: choices.children, weekdays });
    return saved === 'name-taken' ? { errors: { liste: 'Vous avez déjà une liste de ce nom.' } } : { id: saved };
  }

  /** The list a page was opened with from « Mes listes » for a month, and the days it leaves out. */
  async function appliedList(c: Context<AppEnv>, product: BookingProduct): Promise<PersonaliseProps['applied']> {
    const user = c.get('user');
    const [id, month] = [c.req.query('liste'), c.req.query('mois')];
    if (!user || !id || !/^\d{1,12}$/.test(id) || !month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return undefined;
    const list = await familyBookingList(db, user.id, Number(id));
    if (!list || list.product_id !== product.id) return undefined;
    const { leftOut } = await listDays(db, product, { prestationId: list.prestation_id, children: list.children.map(Number), weekdays: list.weekdays }, month, now());
    return { name: list.name, leftOut };
  }

  router.get(`/produits/:id${ID}`, async (c) => {
    const productId = idParam(c);
    const product = await products.forBooking(productId);
    if (!product) return c.notFound();
    return productPage(c, productId, readChoices(c.req.queries() as Record<string, string[]>), { applied: await appliedList(c, product) });
  });

  router.get(`/produits/:id${ID}/calendrier`, async (c) => {
    const product = await products.forBooking(idParam(c));
    if (!product || product.channel !== 'online') return c.notFound();
    // A fragment for htmx; opened as a page (a new tab, a link kept), the product's page it belongs to.
    if (c.req.header('HX-Request') !== 'true') return c.redirect(`/produits/${product.id}${new URL(c.req.url).search}`, 303);
    const choices = readChoices(c.req.queries() as Record<string, string[]>);
    // The calendar, and each child's price swapped out of band: a new prestation or another
    // child chosen changes them, and the page shows what the cart will charge.
    const prices = await beneficiariesFor(product, currentUser(c), choices);
    return c.html(
      <>
        {await calendarFor(product, currentUser(c), choices)}
        {prices.map((child) => (
          <ChildPrice child={child} outOfBand />
        ))}
      </>,
    );
  });

  router.post(`/produits/:id${ID}/panier`, async (c) => {
    const user = currentUser(c);
    const productId = idParam(c);
    const product = await products.forBooking(productId);
    // A product sold at the town hall only has nothing to book here.
    if (!product || product.channel !== 'online') return c.notFound();
    const body = await c.req.parseBody({ all: true });
    const choices = readChoices(body);
    const htmx = c.req.header('HX-Request') === 'true';
    const again = (status: 400 | 403, extra: Pick<PersonaliseProps, 'errors'>) => formAgain(c, product, user, choices, status, extra);
    // Days no longer available: answered without a calendar (three parents in four on opening day).
    const refused = (failures: Refusal[]) => {
      c.status(409);
      const kept = { ...choices, dates: choices.dates.filter((date) => !failures.some((f) => f.date === date)) };
      if (htmx) return c.html(<RefusedUpdate failures={failures} waitFor={{ productId, prestationId: choices.prestationId, children: choices.children }} />);
      return c.render(<RefusedPage productId={productId} productName={product.name} failures={failures} kept={kept} />, { title: "Rien n'a été ajouté au panier" });
    };

    const prestation = product.prestations.find((p) => p.id === choices.prestationId);
    // A day already full is refused with one read: before the line (see web/booking/admission.ts), and
    // again when this cart's turn comes, the day having filled while it waited.
    const fullAlready = async () => {
      if (body.action === 'liste' || !prestation || choices.dates.length > 120) return null;
      const full = await daysAlreadyFull(db, prestation.id, choices.dates, choices.children.length, now());
      return full.length > 0 ? refused(full.map((date) => ({ date, reason: 'full' }))) : null;
    };
    const answered = await fullAlready();
    if (answered) return answered;
    return cartLine(async () => {
      const late = await fullAlready();
      if (late) return late;
      if ((await missingFor(user, productId)).missing.length > 0) {
        c.status(403);
        return productPage(c, productId, choices);
      }
      if (body.action === 'liste') {
        const saved = await saveListFrom(user, product, choices);
        if ('errors' in saved) return again(400, { errors: saved.errors });
        if (!htmx) return c.redirect('/mon-compte/listes?ok=1', 303);
        c.header('HX-Redirect', '/mon-compte/listes?ok=1');
        return c.body(null, 204);
      }
      const family = (await listDependants(db, user.id)).sort((a, b) => a.birth_date.localeCompare(b.birth_date));
      const children = family.filter((d) => choices.children.includes(d.id));
      const errors: NonNullable<PersonaliseProps['errors']> = {};
      if (!prestation) errors.prestation = 'Choisissez le type de prestation.';
      if (children.length === 0 || children.length !== choices.children.length) errors.enfant = 'Cochez au moins un bénéficiaire.';
      if (choices.dates.length === 0) errors.date = 'Choisissez au moins une date dans le calendrier.';
      if (choices.dates.length > 120) errors.date = 'Choisissez 120 dates au plus à la fois.';
      if (Object.keys(errors).length > 0) return again(400, { errors });

      // Days the calendar would not offer (past the deadline, closed, not a day of the product).
      const rules = calendarRules(product);
      const notOffered = choices.dates
        .map((date) => ({ date, state: dayState(date, rules, { month: date.slice(0, 7), now: now(), placesLeft: () => 1, bookedForAll: () => false }) }))
        .filter(({ state }) => state.kind !== 'bookable')
        .map(({ date, state }) => ({ date, reason: state.kind === 'no-service' || state.kind === 'other-month' ? 'no-service' : state.kind }));
      if (notOffered.length > 0) return refused(notOffered);
      // Alternate weeks both guardians agreed: the other's week is theirs to book.
      const othersWeek = await othersWeekDays(db, { userId: user.id, productId: product.id, dependantIds: children.map((child) => child.id), days: choices.dates });
      if (othersWeek.length > 0) return refused([...new Map(othersWeek.map((week) => [week.day, { date: week.day, reason: `semaine de ${week.holder} (garde alternée) : c'est à ${week.holder} de réserver ce jour` }])).values()]);

      const expiresAt = new Date(now().getTime() + config.HOLD_MINUTES * 60_000);
      const result = await placeHolds(db, {
        userId: user.id,
        product,
        prestationId: prestation!.id,
        children: children.map((child) => ({ id: child.id })),
        dates: choices.dates,
        family: { quotientFamilial: user.quotient_familial, communeId: user.commune_id },
        now: now(),
        expiresAt,
      });
      if (!result.ok) return refused(result.failures);

      await extendCart(db, user.id, now(), expiresAt);
      await deps.workflows.openBasket({ number: result.basket, expiresAt: expiresAt.toISOString() }, { userId: user.id, commune: product.commune_name });
      const props = { product: product.name, productId, prestation: prestation!.label, quantity: result.holdIds.length, totalCents: await holdsTotal(db, result.holdIds), cart: await cartSummary(db, user.id, now()) };
      if (htmx) return c.html(<AddedToCart {...props} outOfBand />);
      c.set('cart', props.cart);
      return c.render(<AddedToCart {...props} />, { title: 'Produit ajouté au panier' });
    });
  });

  return router;
}
