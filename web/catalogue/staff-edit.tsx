// Staff: editing a product of their communes: its text, channel, deadlines and pricing rules, a new
// prestation, a longer season, a day closed or reopened from the calendar.
import { Hono } from 'hono';
import { z } from 'zod';
import { addPrestation, extendSeason, setDayOpen, updateProductDetails } from '../../db/queries/catalogue/catalogue-edit.ts';
import { addDays, parisDate } from '../../domain/dates.ts';
import type { PricingRules } from '../../domain/pricing.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { handleForm, ID } from '../forms/form-route.ts';
import type { FieldErrors } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { eurosField, isoDayField, requiredText, wholeNumberField } from '../forms/schemas.ts';
import { productPage } from './staff-product-page.tsx';
import type { DocumentKind } from '../../db/database.ts';
import { REQUIRABLE } from '../documents/index.ts';
import { pricingRulesFromForm } from './pricing-form.ts';
import { productDetailFields, productDetailsOf } from './product-fields.ts';
import { staffProduct } from './staff-product.ts';

/** Who may call each route below (see web/http/access.ts). */
export const catalogueEditAccess = {
  'POST /agent/catalogue/:id/fiche': { who: 'staff', object: 'commune-product', input: { form: 'GET /agent/catalogue/:id' } },
  'POST /agent/catalogue/:id/prestations': { who: 'staff', object: 'commune-product', input: { form: 'GET /agent/catalogue/:id' } },
  'POST /agent/catalogue/:id/saison': { who: 'staff', object: 'commune-product', input: { form: 'GET /agent/catalogue/:id' } },
  'POST /agent/catalogue/:id/jour': { who: 'staff', object: 'commune-product', input: { form: 'GET /agent/catalogue/:id' } },
} satisfies AccessTable;

const detailsSchema = z.object(productDetailFields);

const prestationSchema = z.object({
  libelle: requiredText('Indiquez le libellé de la prestation (2 à 80 caractères).', 80).refine((label) => label.length >= 2, 'Indiquez le libellé de la prestation (2 à 80 caractères).'),
  prix: eurosField('Indiquez le prix en euros, par exemple 7,90.', { maxDigits: 4, allowZero: true }),
  places: wholeNumberField('Indiquez un nombre de places (1 à 1 000).', 1, 1000),
});

export function catalogueEditRoutes({ db, now }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();
  const page = productPage({ db, now });

  router.post(`/catalogue/:id${ID}/fiche`, async (c) => {
    const product = await staffProduct(db, c);
    const body = await c.req.parseBody({ all: true });
    const required = [...new Set([body.pieces ?? []].flat())].filter((kind): kind is DocumentKind => typeof kind === 'string' && REQUIRABLE.includes(kind as DocumentKind));
    let rules: PricingRules = {};
    return handleForm(c, {
      schema: detailsSchema,
      check: (values) => {
        const read = pricingRulesFromForm(values);
        if ('errors' in read) return read.errors;
        rules = read.rules;
        return {};
      },
      again: ({ values, errors }) => page(c, { sent: { name: 'fiche', values, errors, required } }),
      save: async (data): Promise<FieldErrors | void> => {
        const details = { ...productDetailsOf(data), rules, requiredDocuments: required };
        if ((await updateProductDetails(db, product.id, details, currentUser(c).id)) === 'name-taken') return { nom: 'Une activité de ce nom existe déjà dans cette commune.' };
      },
      then: `/agent/catalogue/${product.id}?ok=fiche#fiche`,
    });
  });

  router.post(`/catalogue/:id${ID}/prestations`, async (c) => {
    const product = await staffProduct(db, c);
    return handleForm(c, {
      schema: prestationSchema,
      again: ({ values, errors }) => page(c, { sent: { name: 'prestation', values, errors } }),
      save: async (data): Promise<FieldErrors | void> => {
        const added = await addPrestation(db, { productId: product.id, label: data.libelle, priceCents: data.prix, capacity: data.places, from: parisDate(now()), staffId: currentUser(c).id });
        if (added === 'label-taken') return { libelle: 'Une prestation de ce libellé existe déjà.' };
      },
      then: `/agent/catalogue/${product.id}?ok=prestation#prestations`,
    });
  });

  router.post(`/catalogue/:id${ID}/saison`, async (c) => {
    const product = await staffProduct(db, c);
    return handleForm(c, {
      schema: z.object({ fin: isoDayField('Indiquez la nouvelle fin de saison.'), scolaire: z.literal('1').optional() }),
      again: ({ values, errors }) => page(c, { sent: { name: 'saison', values, errors } }),
      save: async (data): Promise<FieldErrors | void> => {
        if (data.fin > addDays(parisDate(now()), 400)) return { fin: 'Une saison finit dans 400 jours au plus.' };
        const result = await extendSeason(db, { productId: product.id, end: data.fin, schoolTime: data.scolaire === '1', staffId: currentUser(c).id });
        if (!result.ok) return { fin: 'La nouvelle fin suit la fin actuelle. Pour ne plus ouvrir des jours, fermez-les sur le calendrier.' };
      },
      then: `/agent/catalogue/${product.id}?ok=saison#saison`,
    });
  });

  router.post(`/catalogue/:id${ID}/jour`, async (c) => {
    const product = await staffProduct(db, c);
    let month = '';
    return handleForm(c, {
      schema: z.object({ jour: isoDayField('Jour inconnu.'), ouvrir: z.enum(['0', '1'], { error: 'Action inconnue.' }) }),
      again: ({ errors }) => page(c, { error: errors.jour ?? errors.ouvrir }),
      save: async (data): Promise<FieldErrors | void> => {
        if (data.jour < parisDate(now())) return { jour: 'Un jour passé ne change plus.' };
        month = data.jour.slice(0, 7);
        const result = await setDayOpen(db, { productId: product.id, day: data.jour, open: data.ouvrir === '1', staffId: currentUser(c).id, now: now() });
        if (!result.ok && result.reason === 'not-a-service-day') return { jour: "Ce jour n'est pas un jour de service de la saison." };
        if (!result.ok && result.reason === 'booked') return { jour: `Ce jour a ${result.taken} place(s) prise(s) : fermez-le par une fermeture exceptionnelle, qui annule et rembourse.` };
      },
      then: (data) => `/agent/catalogue/${product.id}?ok=${data.ouvrir === '1' ? 'ouvert' : 'ferme'}&mois=${month}#calendrier`,
    });
  });

  return router;
}
