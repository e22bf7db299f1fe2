// A product's page as the booking routes draw it: what the family still lacks to buy it, its
// personalisation (prestation, children and their prices, the month's calendar), and the form
// drawn again with its errors, as a page or, with htmx, in place. The waiting list's « M'inscrire
// sur liste d'attente » (web/waitlist/join.tsx) answers with the same form.
import type { Context } from 'hono';
import { z } from 'zod';
import { openingMonth } from '../../domain/booking-calendar.ts';
import { parisDate, parseIsoDate, type IsoDate } from '../../domain/dates.ts';
import { computePrice, siblingRankWith } from '../../domain/pricing.ts';
import { missingToBuy } from '../../domain/purchase.ts';
import type { BookingProduct } from '../../db/queries/booking/booking.ts';
import { validDocumentTypes } from '../../db/queries/documents/index.ts';
import { listDependants } from '../../db/queries/family/index.ts';
import { custodyDayNotes } from '../../db/queries/guardians/index.ts';
import { subscriptionStatuses } from '../../db/queries/services/index.ts';
import { pendingRegistration } from '../../db/queries/registration/index.ts';
import type { User } from '../../db/database.ts';
import { createProductCache } from '../catalogue/index.ts';
import { ids, repeated } from '../forms/schemas.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { Calendar } from './views/calendar.tsx';
import { PersonaliseForm, type PersonaliseProps } from './views/personalise.tsx';
import { ProductPage } from './views/product.tsx';
import { calendarRules, monthStates } from './booking-days.ts';

export interface Choices {
  prestationId: number | null;
  children: number[];
  dates: IsoDate[];
  /** Full days chosen for their waiting list. */
  waiting: IsoDate[];
  month: string | undefined;
  listName?: string;
}

const isoDates = (values: unknown[]) =>
  [...new Set(values.filter((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)))].filter((day) => {
    try {
      parseIsoDate(day);
      return true;
    } catch {
      return false;
    }
  });

const firstText = (values: unknown[]) => values.find((v): v is string => typeof v === 'string');

/**
 * The personalise form (and the page's query): what the parent chose, never refused here; what
 * is missing or wrong is said by the step that needs it, next to its field.
 */
const choicesSchema = z
  .object({ prestation: repeated, enfant: repeated, date: repeated, attente: repeated, mois: repeated, mois_affiche: repeated, nom_liste: repeated })
  .transform((form): Choices => {
    const listName = firstText(form.nom_liste);
    return {
      prestationId: ids(form.prestation)[0] ?? null,
      children: ids(form.enfant),
      dates: isoDates(form.date),
      waiting: isoDates(form.attente),
      month: firstText([...form.mois, ...form.mois_affiche]),
      ...(listName === undefined ? {} : { listName: listName.trim() }),
    };
  });

export function readChoices(source: Record<string, string | File | (string | File)[]>): Choices {
  return choicesSchema.parse(source);
}

/** One product cache per app, shared by the product's page and the waiting list's form. */
const caches = new WeakMap<object, ReturnType<typeof createProductCache>>();

export function productPages(deps: Pick<AppDeps, 'db' | 'now'>) {
  const { db, now } = deps;
  const products = caches.get(deps) ?? createProductCache(db);
  caches.set(deps, products);

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
    // Only the family's own children: another's ids say nothing here.
    const family = new Set((await listDependants(db, user.id)).map((child) => child.id));
    const notes = await custodyDayNotes(db, { userId: user.id, productId: product.id, dependantIds: choices.children.filter((id) => family.has(id)), days: [...states.keys()], now: now() });
    return (
      <Calendar
        notes={notes}
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
      registration: await pendingRegistration(db, user.id, product.id),
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

  return { products, missingFor, calendarFor, beneficiariesFor, personaliseProps, productPage, formAgain };
}

/** The personalise form's messages, one per field. */
export type PersonaliseErrors = NonNullable<PersonaliseProps['errors']>;
