// Staff: the waiting lists of a product of their communes. A family is moved to the front of its
// line, or offered a place now (a free one, or one added for it), each with a reason (audited);
// the day's waitlist-<product>-<day> workflow is woken, so that it offers a place free now to the
// new first in line, or watches the deadline of the offer made by hand.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { offerMailFacts, offerMailKey } from '../../db/queries/waitlist/waitlist-offers.ts';
import { moveToFront, offerByHand, productLines } from '../../db/queries/waitlist/waitlist-staff.ts';
import { parisDate } from '../../domain/dates.ts';
import { waitlistMails } from '../../activities/waitlist/mails.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, handleForm, ID } from '../forms/form-route.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { idField, requiredText } from '../forms/schemas.ts';
import { ProductLinesPage } from './views/staff.tsx';
import { wakeWaitingLists } from './wake.ts';
import { staffProduct } from '../catalogue/index.ts';

/** Who may call each route below (see web/http/access.ts). */
export const waitlistStaffAccess = {
  'GET /agent/catalogue/:id/attente': { who: 'staff', object: 'commune-product' },
  'POST /agent/catalogue/:id/attente': { who: 'staff', object: 'commune-product', input: { form: 'GET /agent/catalogue/:id/attente' } },
} satisfies AccessTable;

const lineSchema = z.object({
  entree: idField('Famille inconnue.'),
  raison: requiredText('Dites pourquoi (elle est écrite au journal).', 300),
  action: z.enum(['tete', 'proposer'], { error: 'Choisissez : remonter en tête, ou proposer une place.' }),
  // A checkbox: absent when unchecked.
  place_en_plus: z.enum(['oui'], { error: 'Cochez la case ou laissez-la vide.' }).optional(),
});

const refusals = {
  gone: 'Cette famille n’attend plus.',
  full: 'Aucune place libre ce jour-là : cochez « en ajoutant une place » pour lui en donner une.',
  'too-late': 'Le délai de réservation de ce jour est passé.',
  closed: 'Ce jour est fermé : aucune place ne peut y être proposée.',
};

export function waitlistStaffRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, now, workflows, config } = deps;
  const router = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, extra: { message?: string | null; values?: FormValues; errors?: FieldErrors } = {}) => {
    const product = await staffProduct(db, c);
    const lines = await productLines(db, product.id, parisDate(now()));
    return c.render(<ProductLinesPage product={product} lines={lines} message={extra.message ?? null} values={extra.values} errors={extra.errors} />, { title: `Listes d'attente : ${product.name}` });
  };

  router.get(`/catalogue/:id${ID}/attente`, (c) =>
    page(c, { message: flash(c, { tete: 'La famille passe en tête de la liste ; une place libre lui est proposée.', propose: 'La place est proposée à la famille, dans son panier ; un mail la prévient.' }) }),
  );

  router.post(`/catalogue/:id${ID}/attente`, async (c) => {
    const product = await staffProduct(db, c);
    let done = 'tete';
    return handleForm(c, {
      schema: lineSchema,
      again: (form) => page(c, form),
      save: async ({ entree, raison, action, place_en_plus }): Promise<FieldErrors | void> => {
        const staffId = currentUser(c).id;
        if (action === 'tete') {
          const day = await moveToFront(db, { productId: product.id, entryId: entree, staffId, reason: raison });
          if (!day) return { entree: refusals.gone };
          await wakeWaitingLists(deps, [{ productId: product.id, day }]);
          return;
        }
        const offered = await offerByHand(db, { productId: product.id, entryId: entree, addPlace: place_en_plus === 'oui', staffId, reason: raison, now: now() });
        if (!offered.ok) return offered.reason === 'full' ? { place_en_plus: refusals.full } : { entree: refusals[offered.reason] };
        done = 'propose';
        const facts = await offerMailFacts(db, entree);
        // The key of the workflow's own offer mail: one mail for one offer.
        if (facts) await workflows.sendMailLater({ idempotencyKey: offerMailKey(entree), ...waitlistMails.offer(facts, config.PUBLIC_URL) });
        await wakeWaitingLists(deps, [{ productId: product.id, day: offered.day }]);
      },
      then: () => `/agent/catalogue/${product.id}/attente?ok=${done}`,
    });
  });

  return router;
}
