// Staff: search the families of their communes, open one, set its quotient familial and adjust
// its wallet. (Decisions on its documents: web/documents/staff.tsx.)
import { Hono } from 'hono';
import { z } from 'zod';
import { searchFamilies, setQuotientFamilial } from '../../db/queries/family/families.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { adjustWallet, InsufficientFunds } from '../../db/queries/wallet/index.ts';
import { familyPages } from './family-page.tsx';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, handleForm, ID, idParam } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { eurosField } from '../forms/schemas.ts';
import { FamilySearchPage } from './views/staff.tsx';
import type { AccessTable } from '../http/access.ts';

/** Who may call each route below (see web/http/access.ts). */
export const familySearchAccess = {
  'GET /agent/familles': { who: 'staff' },
  'GET /agent/familles/:id': { who: 'staff', object: 'family' },
  'POST /agent/familles/:id/quotient': { who: 'staff', object: 'family', input: { form: 'GET /agent/familles/:id', optional: true } },
  'POST /agent/familles/:id/porte-monnaie': { who: 'staff', object: 'family', input: { form: 'GET /agent/familles/:id' } },
} satisfies AccessTable;

const messages = { qf: 'Le quotient familial a été enregistré.', 'porte-monnaie': "L'ajustement du porte-monnaie a été enregistré.", piece: 'La décision sur la pièce est enregistrée.' };

const quotientSchema = z.object({
  // Left empty, the quotient is removed.
  quotient_familial: z
    .string()
    .optional()
    .transform((value) => (value ?? '').trim())
    .refine((value) => /^(\d{1,6})?$/.test(value), 'Le quotient familial est un nombre entier (par exemple 850).')
    .transform((value) => (value === '' ? null : Number(value)))
    .refine((value) => value === null || value <= 100_000, 'Ce quotient familial semble erroné (100 000 au plus).'),
});

const adjustmentSchema = z.object({
  montant: eurosField('Indiquez un montant non nul en euros, par exemple 5,00 ou -2,50.', { allowNegative: true, maxDigits: 5 }),
  motif: z.string({ error: 'Indiquez le motif (3 à 200 caractères).' }).trim().min(3, 'Indiquez le motif (3 à 200 caractères).').max(200, 'Indiquez le motif (3 à 200 caractères).'),
  // Issued with the form (a fresh one each time the page is drawn): the money moves once per form.
  jeton: z.uuid({ error: 'Ce formulaire a expiré : rechargez la page puis saisissez l’ajustement à nouveau.' }),
});

export function familySearchRoutes({ db, workflows, now, config }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  router.get('/familles', async (c) => {
    const query = (c.req.query('q') ?? '').trim().slice(0, 100);
    const results = await searchFamilies(db, await staffCommuneIds(db, currentUser(c)), query);
    return c.render(<FamilySearchPage query={query} results={results} />, { title: 'Familles' });
  });

  const { familyPage, inScope } = familyPages({ db, workflows, now, config });

  router.get(`/familles/:id${ID}`, async (c) => {
    const id = idParam(c);
    await inScope(c, id);
    return familyPage(c, id, { message: flash(c, messages) });
  });

  router.post(`/familles/:id${ID}/quotient`, async (c) => {
    const id = idParam(c);
    await inScope(c, id);
    return handleForm(c, {
      schema: quotientSchema,
      again: ({ values, errors }) => familyPage(c, id, { qfError: errors.quotient_familial, qfValue: values.quotient_familial ?? '' }),
      save: ({ quotient_familial: quotient }) => setQuotientFamilial(db, { staffId: currentUser(c).id, userId: id, quotient }),
      then: `/agent/familles/${id}?ok=qf`,
    });
  });

  router.post(`/familles/:id${ID}/porte-monnaie`, async (c) => {
    const id = idParam(c);
    await inScope(c, id);
    return handleForm(c, {
      schema: adjustmentSchema,
      // The token's field is hidden: its message is said next to the amount.
      again: ({ values, errors }) => familyPage(c, id, { adjustment: { values, errors: errors.jeton ? { ...errors, montant: errors.montant ?? errors.jeton } : errors } }),
      save: async ({ montant, motif, jeton }) => {
        try {
          const outcome = await adjustWallet(db, { staffId: currentUser(c).id, userId: id, amountCents: montant, reason: motif, formToken: jeton });
          if (outcome === 'replayed') return { montant: 'Ce formulaire a déjà été envoyé : l’ajustement est enregistré une seule fois, rien n’a été changé cette fois-ci.' };
        } catch (error) {
          if (!(error instanceof InsufficientFunds)) throw error;
          return { montant: 'Le solde ne permet pas ce débit.' };
        }
      },
      then: `/agent/familles/${id}?ok=porte-monnaie`,
    });
  });

  return router;
}
