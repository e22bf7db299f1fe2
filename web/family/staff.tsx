// Staff: search the families of their communes and open one; decide on their documents at any
// time, and see those waiting for a decision.
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { HTTPException } from 'hono/http-exception';
import { familyDocuments, isFamilyInScope, searchFamilies, setQuotientFamilial } from '../../db/queries/family/families.ts';
import { listAddresses, listDependants } from '../../db/queries/family/family.ts';
import { familySubscriptions } from '../../db/queries/services/index.ts';
import { communeName, findUser, staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { adjustWallet, balance, InsufficientFunds } from '../../db/queries/wallet/index.ts';
import { familyAttendance } from '../../db/queries/tickets/index.ts';
import { documentOwner, documentsToReview, reviewDocument } from '../../db/queries/documents/index.ts';
import { isIsoDate, parisDate } from '../../domain/dates.ts';
import { describeAccountStatus } from '../accounts/index.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, handleForm, ID, idParam } from '../forms/form-route.ts';
import type { FieldErrors } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { eurosField } from '../forms/schemas.ts';
import { FamilyPage, FamilySearchPage } from './views/staff.tsx';
import { DocumentQueuePage, type ReviewForm } from '../documents/index.ts';
import type { AccessTable } from '../http/access.ts';

/** Who may call each route below (see web/http/access.ts). */
export const familySearchAccess = {
  'GET /agent/familles': { who: 'staff' },
  'GET /agent/familles/:id': { who: 'staff', object: 'family' },
  'POST /agent/familles/:id/quotient': { who: 'staff', object: 'family', input: { form: 'GET /agent/familles/:id', optional: true } },
  'POST /agent/familles/:id/porte-monnaie': { who: 'staff', object: 'family', input: { form: 'GET /agent/familles/:id' } },
  'POST /agent/documents/:id/decision': { who: 'staff', object: 'family-document', input: { form: 'GET /agent/familles/:id' } },
  'GET /agent/pieces': { who: 'staff' },
} satisfies AccessTable;

const messages = { qf: 'Le quotient familial a été enregistré.', 'porte-monnaie': "L'ajustement du porte-monnaie a été enregistré.", piece: 'La décision sur la pièce est enregistrée.' };

const reviewSchema = z
  .object({
    decision: z.enum(['accepter', 'refuser'], { error: 'Choisissez : acceptée ou refusée.' }),
    expiration: z.string().optional().transform((value) => value?.trim() ?? '').refine((value) => value === '' || isIsoDate(value), 'Une date valide, ou rien pour une pièce sans fin.'),
    motif: z.string().optional().transform((value) => value?.trim() ?? ''),
  })
  .refine((data) => data.decision === 'accepter' || (data.motif.length >= 3 && data.motif.length <= 200), { message: 'Dites à la famille pourquoi la pièce est refusée (3 à 200 caractères).', path: ['motif'] });

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

  async function familyPage(
    c: Context<AppEnv>,
    id: number,
    extra: { qfError?: string; qfValue?: string; message?: string | null; adjustment?: { values: Record<string, string>; errors: Record<string, string> }; review?: ReviewForm } = {},
  ) {
    const user = (await findUser(db, id))!;
    const commune = user.commune_id ? await communeName(db, user.commune_id) : null;
    const workflow = user.status === 'pending' ? await workflows.accountValidationState(id).catch(() => null) : null;
    const documents = await familyDocuments(db, [id]);
    const name = [user.first_name, user.last_name].filter(Boolean).join(' ') || user.email;
    return c.render(
      <FamilyPage
        family={{ id, name, email: user.email, phone: user.phone, commune, quotientFamilial: user.quotient_familial }}
        {...extra}
        status={describeAccountStatus(user, workflow)}
        dependants={await listDependants(db, id)}
        documents={documents}
        subscriptions={await familySubscriptions(db, id)}
        addresses={await listAddresses(db, id)}
        walletCents={await balance(db, id)}
        adjustmentToken={randomUUID()}
        processesUrl={`${config.TEMPORAL_UI_ORIGIN}/namespaces/default/workflows?query=${encodeURIComponent(`AccountId = ${id}`)}`}
        attendance={await familyAttendance(db, id)}
        today={parisDate(now())}
      />,
      { title: `Famille ${name}` },
    );
  }

  const inScope = async (c: Context<AppEnv>, id: number) => {
    if (!(await isFamilyInScope(db, await staffCommuneIds(db, currentUser(c)), id))) throw new HTTPException(403);
  };

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

  router.post(`/documents/:id${ID}/decision`, async (c) => {
    const documentId = idParam(c);
    const owner = await documentOwner(db, documentId);
    if (owner === undefined) throw new HTTPException(403);
    await inScope(c, owner);
    return handleForm(c, {
      schema: reviewSchema,
      again: ({ values, errors }) => familyPage(c, owner, { review: { documentId, values, errors } }),
      save: async ({ decision, expiration, motif }): Promise<FieldErrors | void> => {
        if (decision === 'accepter' && expiration !== '' && expiration < parisDate(now())) return { expiration: 'Une pièce acceptée est valable au moins jusqu’à aujourd’hui.' };
        const decided = await reviewDocument(db, {
          documentId, staffId: currentUser(c).id, now: now(),
          decision: decision === 'accepter' ? { accepted: true, expiresOn: expiration || null } : { accepted: false, reason: motif },
        });
        if (decided.status === 'accepted' && decided.expires_on) await workflows.watchDocumentExpiry(decided.owner_id, decided.kind, { documentId: decided.id, expiresOn: decided.expires_on });
      },
      then: `/agent/familles/${owner}?ok=piece#pieces`,
    });
  });

  router.get('/pieces', async (c) => c.render(<DocumentQueuePage documents={await documentsToReview(db, await staffCommuneIds(db, currentUser(c)))} />, { title: 'Pièces à examiner' }));

  return router;
}
