// Staff: the catalogue of their communes: create a product (unpublished, its days generated) with
// as many prestations as it has and its pricing rules, publish it, change a price for bookings to
// come and the places of a day.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { createProduct, offersOfCommunes, productsForStaff, setDayCapacity, setPrestationPrice, setPublished } from '../../db/queries/catalogue/catalogue-admin.ts';
import { productDetails } from '../../db/queries/catalogue/catalogue-edit.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { wakeWaitingLists } from '../waitlist/index.ts';
import { addDays } from '../../domain/dates.ts';
import type { PricingRules } from '../../domain/pricing.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, handleForm, ID } from '../forms/form-route.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { staffProduct } from './staff-product.ts';
import { eurosField, idField, isoDayField, wholeNumberField } from '../forms/schemas.ts';
import { CatalogueListPage } from './views/staff.tsx';
import { asksForRow, rowsToShow } from '../forms/form-rows.ts';
import { readForm } from '../forms/forms.ts';
import { pricingRulesFromForm } from './pricing-form.ts';
import { MAX_PRESTATIONS, PRESTATION_PREFIXES, prestationsFromForm } from './prestation-rows.ts';
import { productPage } from './staff-product-page.tsx';
import { productDetailFields, productDetailsOf } from './product-fields.ts';
import type { AccessTable } from '../http/access.ts';

/** Who may call each route below (see web/http/access.ts). */
export const catalogueAdminAccess = {
  'GET /agent/catalogue': { who: 'staff' },
  'POST /agent/catalogue': { who: 'staff', input: { form: 'GET /agent/catalogue' } },
  'GET /agent/catalogue/:id': { who: 'staff', object: 'commune-product' },
  'POST /agent/catalogue/:id/publication': { who: 'staff', object: 'commune-product', input: 'button' },
  'POST /agent/catalogue/:id/prix': { who: 'staff', object: 'commune-product', input: { form: 'GET /agent/catalogue/:id' } },
  'POST /agent/catalogue/:id/capacite': { who: 'staff', object: 'commune-product', input: { form: 'GET /agent/catalogue/:id' } },
} satisfies AccessTable;

const catalogueMessages = { cree: "L'activité est créée avec ses jours : vérifiez-la, puis publiez-la.", publie: "L'activité est publiée.", retire: "L'activité n'est plus publiée.", prix: 'Le prix est changé pour les réservations à venir.', places: 'Les places sont enregistrées.', fiche: 'La fiche est enregistrée.',
  prestation: 'La prestation est ajoutée avec ses jours.', saison: 'La saison est prolongée.', ferme: 'Le jour est fermé.', ouvert: 'Le jour est rouvert.' };

const productSchema = z.object({
  offre: idField("Choisissez l'inscription qui ouvre l'activité."),
  ...productDetailFields,
  debut: isoDayField('Indiquez le premier jour de la saison.'),
  fin: isoDayField('Indiquez le dernier jour de la saison.'),
  places: wholeNumberField('Indiquez un nombre de places (1 à 1 000).', 1, 1000),
  scolaire: z.literal('1').optional(),
});

export function catalogueAdminRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, now } = deps;
  const router = new Hono<AppEnv>();

  const listPage = async (c: Context<AppEnv>, extra: { message?: string | null; values?: FormValues; errors?: FieldErrors; weekdays?: number[]; addingRow?: boolean } = {}) => {
    const communes = await staffCommuneIds(db, currentUser(c));
    const [products, offers] = await Promise.all([productsForStaff(db, communes), offersOfCommunes(db, communes)]);
    const shown = rowsToShow(extra.values ?? {}, { prefixes: PRESTATION_PREFIXES, initial: 3, max: MAX_PRESTATIONS, adding: extra.addingRow ?? false });
    return c.render(
      <CatalogueListPage products={products} offers={offers} message={extra.message ?? null} values={extra.values} errors={extra.errors} weekdays={extra.weekdays} prestationRows={{ shown, max: MAX_PRESTATIONS }} />,
      { title: 'Catalogue' },
    );
  };

  const productOf = (c: Context<AppEnv>) => staffProduct(db, c);
  const productPageOf = productPage({ db, now });

  router.get('/catalogue', (c) => listPage(c, { message: flash(c, catalogueMessages) }));

  router.post('/catalogue', async (c) => {
    const body = await c.req.parseBody({ all: true });
    const weekdays = [...new Set((Array.isArray(body.jours) ? body.jours : body.jours ? [body.jours] : []).filter((v): v is string => typeof v === 'string' && /^[1-7]$/.test(v)).map(Number))].sort();
    const staff = currentUser(c);
    const offers = await offersOfCommunes(db, await staffCommuneIds(db, staff));
    let created = 0;
    // « Ajouter une prestation »: the same form again with one more row, nothing checked or saved.
    const typed = await readForm(c);
    if (asksForRow(typed)) return listPage(c, { values: typed, weekdays, addingRow: true });
    let prestations: { label: string; priceCents: number }[] = [];
    let rules: PricingRules = {};
    return handleForm(c, {
      schema: productSchema,
      check: (values): FieldErrors => {
        const errors: FieldErrors = {};
        if (weekdays.length === 0) errors.jours = 'Cochez au moins un jour.';
        const rows = prestationsFromForm(values);
        if ('errors' in rows) Object.assign(errors, rows.errors);
        else prestations = rows.prestations;
        const pricing = pricingRulesFromForm(values);
        if ('errors' in pricing) Object.assign(errors, pricing.errors);
        else rules = pricing.rules;
        return errors;
      },
      again: (form) => listPage(c, { ...form, weekdays }),
      save: async (data): Promise<FieldErrors | void> => {
        if (data.fin < data.debut) return { fin: 'La saison finit après son début.' };
        if (data.fin > addDays(data.debut, 400)) return { fin: 'Une saison dure 400 jours au plus.' };
        const offer = offers.find((o) => o.id === data.offre);
        if (!offer) return { offre: "Cette inscription n'est pas de vos communes." };
        const result = await createProduct(db, {
          ...productDetailsOf(data), communeId: offer.commune_id, offerId: offer.id, weekdays,
          seasonStart: data.debut, seasonEnd: data.fin, schoolTime: data.scolaire === '1', capacity: data.places,
          prestations, rules, staffId: staff.id,
        });
        if (result === 'name-taken') return { nom: 'Une activité de ce nom existe déjà dans cette commune.' };
        created = result;
      },
      then: () => `/agent/catalogue/${created}?ok=cree`,
    });
  });

  router.get(`/catalogue/:id${ID}`, (c) => productPageOf(c, { message: flash(c, catalogueMessages) }));

  router.post(`/catalogue/:id${ID}/publication`, async (c) => {
    const product = await productOf(c);
    const { published } = await productDetails(db, product.id);
    await setPublished(db, product.id, !published, currentUser(c).id);
    return c.redirect(`/agent/catalogue/${product.id}?ok=${published ? 'retire' : 'publie'}`, 303);
  });

  router.post(`/catalogue/:id${ID}/prix`, async (c) => {
    const product = await productOf(c);
    return handleForm(c, {
      schema: z.object({ prestation: idField('Prestation inconnue.'), prix: eurosField('Indiquez le nouveau prix en euros, par exemple 7,90.', { maxDigits: 4, allowZero: true }) }),
      again: ({ errors }) => productPageOf(c, { error: errors.prix ?? errors.prestation }),
      save: async ({ prestation, prix }): Promise<FieldErrors | void> => {
        if (!(await setPrestationPrice(db, { productId: product.id, prestationId: prestation, priceCents: prix, staffId: currentUser(c).id }))) return { prestation: 'Prestation inconnue.' };
      },
      then: `/agent/catalogue/${product.id}?ok=prix`,
    });
  });

  router.post(`/catalogue/:id${ID}/capacite`, async (c) => {
    const product = await productOf(c);
    return handleForm(c, {
      schema: z.object({ place: idField('Jour inconnu.'), places: wholeNumberField('Indiquez un nombre de places (0 à 1 000).', 0, 1000) }),
      again: ({ errors }) => productPageOf(c, { error: errors.places ?? errors.place }),
      save: async ({ place, places }): Promise<FieldErrors | void> => {
        const result = await setDayCapacity(db, { productId: product.id, slotId: place, capacity: places, staffId: currentUser(c).id, now: now() });
        if ('missing' in result) return { place: 'Jour inconnu.' };
        if (!result.ok) return { places: `Impossible : ${result.taken} place(s) sont déjà prises ce jour-là pour cette prestation.` };
        // Places added: the day's waiting list offers them.
        await wakeWaitingLists(deps, [{ slotId: place }]);
      },
      then: `/agent/catalogue/${product.id}?ok=places`,
    });
  });

  return router;
}
