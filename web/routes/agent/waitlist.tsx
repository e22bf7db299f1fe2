// Staff: the waiting lists of a product of their communes, and a family moved to the front of its
// line with a reason (audited); the day's waitlist-<product>-<day> workflow is woken, so that a
// place free now is offered to it at once.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { moveToFront, productLines } from '../../../db/queries/waitlist-staff.ts';
import { parisDate } from '../../../domain/dates.ts';
import type { AccessTable } from '../../access.ts';
import type { AppDeps } from '../../app.ts';
import type { AppEnv } from '../../env.ts';
import { flash, handleForm, ID } from '../../form-route.ts';
import type { FieldErrors, FormValues } from '../../forms.ts';
import { currentUser } from '../../middleware/guards.ts';
import { wakeWaitingLists } from '../../waitlist-wake.ts';
import { idField, requiredText } from '../../schemas.ts';
import { ProductLinesPage } from '../../views/agent/waitlist.tsx';
import { staffProduct } from './staff-product.ts';

/** Who may call each route below (see web/access.ts). */
export const waitlistStaffAccess = {
  'GET /agent/catalogue/:id/attente': { who: 'staff', object: 'commune-product' },
  'POST /agent/catalogue/:id/attente': { who: 'staff', object: 'commune-product', input: { form: 'GET /agent/catalogue/:id/attente' } },
} satisfies AccessTable;

const moveSchema = z.object({ entree: idField('Famille inconnue.'), raison: requiredText('Dites pourquoi cette famille passe en tête (elle est écrite au journal).', 300) });

export function waitlistStaffRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, now } = deps;
  const router = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, extra: { message?: string | null; values?: FormValues; errors?: FieldErrors } = {}) => {
    const product = await staffProduct(db, c);
    const lines = await productLines(db, product.id, parisDate(now()));
    return c.render(<ProductLinesPage product={product} lines={lines} message={extra.message ?? null} values={extra.values} errors={extra.errors} />, { title: `Listes d'attente : ${product.name}` });
  };

  router.get(`/catalogue/:id${ID}/attente`, (c) => page(c, { message: flash(c, { tete: 'La famille passe en tête de la liste ; une place libre lui est proposée.' }) }));

  router.post(`/catalogue/:id${ID}/attente`, async (c) => {
    const product = await staffProduct(db, c);
    return handleForm(c, {
      schema: moveSchema,
      again: (form) => page(c, form),
      save: async ({ entree, raison }): Promise<FieldErrors | void> => {
        const day = await moveToFront(db, { productId: product.id, entryId: entree, staffId: currentUser(c).id, reason: raison });
        if (!day) return { entree: 'Cette famille n’attend plus.' };
        await wakeWaitingLists(deps, [{ productId: product.id, day }]);
      },
      then: `/agent/catalogue/${product.id}/attente?ok=tete`,
    });
  });

  return router;
}
