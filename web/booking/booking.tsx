// A product page with its personalisation (prestation, children, calendar), "Ajouter au panier"
// (all or nothing; the places join the family's basket workflow) and the cart.
import { Hono, type Context } from 'hono';
import { dayState, openingMonth } from '../../domain/booking-calendar.ts';
import { isoWeekday, parisDate, parseIsoDate, type IsoDate } from '../../domain/dates.ts';
import { computePrice, siblingRankWith } from '../../domain/pricing.ts';
import { missingToBuy } from '../../domain/purchase.ts';
import { daysAlreadyFull, placeHolds, type BookingProduct } from '../../db/queries/booking/booking.ts';
import { cartHolds, cartSummary, extendCart, holdsTotal, recentlyExpired, releaseHolds } from '../../db/queries/booking/cart.ts';
import { familyBookingList, saveBookingList } from '../../db/queries/booking/booking-lists.ts';
import { validDocumentTypes } from '../../db/queries/documents/index.ts';
import { listDependants } from '../../db/queries/family/index.ts';
import { joinWaitlist } from '../../db/queries/waitlist/index.ts';
import { subscriptionStatuses } from '../../db/queries/services/index.ts';
import type { User } from '../../db/database.ts';
import { admissionLine } from './admission.ts';
import { wakeWaitingLists } from '../waitlist/index.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ID, idParam } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { AddedToCart } from './views/added.tsx';
import { Calendar } from './views/calendar.tsx';
import { CartPage, groupCart } from './views/cart.tsx';
import { ChildPrice, PersonaliseForm, type PersonaliseProps } from './views/personalise.tsx';
import { ProductPage } from './views/product.tsx';
import { RefusedPage, RefusedUpdate, type Refusal } from './views/refused.tsx';
import type { AccessTable } from '../http/access.ts';
import { createProductCache } from '../catalogue/index.ts';
import { calendarRules, listDays, monthStates } from './booking-days.ts';

interface Choices {
  prestationId: number | null;
  children: number[];
  dates: IsoDate[];
  /** Full days chosen for their waiting list. */
  waiting: IsoDate[];
  month: string | undefined;
  listName?: string;
}

const ids = (values: unknown[]) => [...new Set(values.filter((v): v is string => typeof v === 'string' && /^\d{1,12}$/.test(v)).map(Number))];
const isoDates = (values: unknown[]) =>
  [...new Set(values.filter((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)))].filter((day) => {
    try {
      parseIsoDate(day);
      return true;
    } catch {
      return false;
    }
  });

export function readChoices(source: Record<string, string | File | (string | File)[]>): Choices {
  const all = (name: string) => [source[name] ?? []].flat();
  const month = [...all('mois'), ...all('mois_affiche')].find((v): v is string => typeof v === 'string');
  const listName = all('nom_liste').find((v): v is string => typeof v === 'string');
  return { prestationId: ids(all('prestation'))[0] ?? null, children: ids(all('enfant')), dates: isoDates(all('date')), waiting: isoDates(all('attente')), month, ...(listName === undefined ? {} : { listName: listName.trim() }) };
}

/** Who may call each route below (see web/http/access.ts). */
export const bookingAccess = {
  'GET /produits/:id': { who: 'anyone', object: 'product' },
  'GET /produits/:id/calendrier': { who: 'parent', object: 'product' },
  'POST /produits/:id/panier': { who: 'parent', object: 'product', input: { form: 'GET /produits/:id' } },
  // The personalise form's other button (formaction): the full days checked « liste d'attente ».
  'POST /produits/:id/liste-attente': { who: 'parent', object: 'product', input: { fields: ['prestation', 'enfant', 'attente'] } },
  'GET /panier': { who: 'parent' },
  'POST /panier/retirer': { who: 'parent', input: { form: 'GET /panier' } },
} satisfies AccessTable;

export function bookingRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, config, now } = deps;
  const router = new Hono<AppEnv>();
  const products = createProductCache(db);
  // Carts taken eight at a time: enough to keep the database busy, few enough to leave the CPU
  // to the orders under way.
  const cartLine = admissionLine(8);

  /** What the family still lacks to buy the product ([] when it may). */
  async function missingFor(user: User | null, productId: number) {
    const detail = (await products.detail(productId))!;
    const statuses = user ? await subscriptionStatuses(db, user.id, detail.offers.map((offer) => offer.id)) : new Map();
    const valid = user && detail.required_documents.length > 0 ? await validDocumentTypes(db, user.id, parisDate(now())) : [];
    return {
      detail,
      missing: missingToBuy({
        user: user ? { status: user.status } : null,
        offers: detail.offers.map((offer) => ({ ...offer, subscription: statuses.get(offer.id) ?? null })),
        documents: { required: detail.required_documents, valid },
      }),
    };
  }

  async function calendarFor(product: BookingProduct, user: User, choices: Choices) {
    const rules = calendarRules(product);
    const month = openingMonth(choices.month, rules, now(), parisDate(now()));
    const prestationId = choices.prestationId ?? product.prestations[0]?.id ?? 0;
    const states = await monthStates(db, product, { prestationId, children: choices.children, month, now: now() });
    return (
      <Calendar
        productId={product.id}
        month={month}
        firstMonth={rules.seasonStart.slice(0, 7)}
        lastMonth={rules.seasonEnd.slice(0, 7)}
        states={states}
        chosen={new Set(choices.dates)}
        waiting={new Set(choices.waiting)}
      />
    );
  }

  /** Each child's price for the chosen prestation, ranked among the children chosen with it. */
  async function beneficiariesFor(product: BookingProduct, user: User, choices: Choices) {
    const prestationId = choices.prestationId ?? product.prestations[0]?.id ?? null;
    const prestation = product.prestations.find((p) => p.id === prestationId);
    // Eldest first (as listed), ranked among the children booked together: as the cart prices them.
    const children = (await listDependants(db, user.id)).filter((d) => d.relationship === 'enfant' || d.relationship === 'autre');
    const chosen = new Set(choices.children);
    return children.map((child) => {
      const price = computePrice({
        baseCents: prestation?.price_cents ?? 0,
        rules: product.rules,
        quotientFamilial: user.quotient_familial,
        resident: user.commune_id === product.commune_id,
        siblingRank: siblingRankWith(
          children.map((c) => c.id),
          chosen,
          child.id,
        ),
      });
      return { id: child.id, name: `${child.first_name} ${child.last_name}`, priceCents: price.cents, note: price.note };
    });
  }

  async function personaliseProps(product: BookingProduct, user: User, choices: Choices, extra: Pick<PersonaliseProps, 'errors' | 'applied'> = {}): Promise<PersonaliseProps> {
    const prestationId = choices.prestationId ?? product.prestations[0]?.id ?? null;
    const beneficiaries = await beneficiariesFor(product, user, choices);
    return {
      productId: product.id,
      prestations: product.prestations,
      prestationId,
      beneficiaries,
      chosenChildren: new Set(choices.children),
      calendar: await calendarFor(product, user, { ...choices, prestationId }),
      ...(choices.listName === undefined ? {} : { listName: choices.listName }),
      ...extra,
    };
  }

  async function productPage(c: Context<AppEnv>, productId: number, choices: Choices, extra: Pick<PersonaliseProps, 'errors' | 'applied'> = {}) {
    const user = c.get('user');
    const { detail, missing } = await missingFor(user, productId);
    const product = (await products.forBooking(productId))!;
    const form = missing.length === 0 && user && product.kind === 'dated' && product.channel === 'online' ? <PersonaliseForm {...await personaliseProps(product, user, choices, extra)} /> : null;
    return c.render(<ProductPage product={detail} prestations={detail.prestations} missing={missing} returnPath={c.req.path} personalise={form} />, { title: detail.name });
  }

  /** The form refused with its errors: the page again without JavaScript, the form alone in place with htmx. */
  async function formAgain(c: Context<AppEnv>, product: BookingProduct, user: User, choices: Choices, status: 400 | 403, extra: Pick<PersonaliseProps, 'errors'>) {
    c.status(status);
    if (c.req.header('HX-Request') !== 'true') return productPage(c, product.id, choices, extra);
    c.header('HX-Retarget', '#personalise');
    c.header('HX-Reswap', 'outerHTML');
    return c.html(<PersonaliseForm {...await personaliseProps(product, user, choices, extra)} />);
  }

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

  // « M'inscrire sur liste d'attente »: the children chosen wait for the full days checked, with
  // the prestation chosen; each day's waitlist-<product>-<day> workflow is woken (a place may be free).
  router.post(`/produits/:id${ID}/liste-attente`, async (c) => {
    const user = currentUser(c);
    const productId = idParam(c);
    const product = await products.forBooking(productId);
    if (!product || product.channel !== 'online') return c.notFound();
    const choices = readChoices(await c.req.parseBody({ all: true }));
    const htmx = c.req.header('HX-Request') === 'true';
    const refuse = (errors: NonNullable<PersonaliseProps['errors']>) => formAgain(c, product, user, choices, 400, { errors });
    if ((await missingFor(user, productId)).missing.length > 0) {
      c.status(403);
      return productPage(c, productId, choices);
    }
    const family = (await listDependants(db, user.id)).map((child) => child.id);
    const errors: NonNullable<PersonaliseProps['errors']> = {};
    if (!product.prestations.some((p) => p.id === choices.prestationId)) errors.prestation = 'Choisissez le type de prestation.';
    if (choices.children.length === 0 || choices.children.some((id) => !family.includes(id))) errors.enfant = 'Cochez au moins un bénéficiaire.';
    if (choices.waiting.length === 0 || choices.waiting.length > 60) errors.date = 'Cochez « liste d\'attente » sur un ou plusieurs jours complets (60 au plus).';
    if (Object.keys(errors).length > 0) return refuse(errors);
    const joined = await joinWaitlist(db, { userId: user.id, productId, prestationId: choices.prestationId!, dependantIds: choices.children, dates: choices.waiting, now: now() });
    if (!joined.ok) return refuse({ date: joined.error });
    await wakeWaitingLists(deps, choices.waiting.map((day) => ({ productId, day })));
    if (!htmx) return c.redirect('/mon-compte/listes-attente?ok=inscrit', 303);
    c.header('HX-Redirect', '/mon-compte/listes-attente?ok=inscrit');
    return c.body(null, 204);
  });

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
    const requested = ids([(await c.req.parseBody({ all: true })).hold ?? []].flat());
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
