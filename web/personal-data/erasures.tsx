// Staff: the RGPD erasure requests of their communes, and the transfer of a family's balance
// recorded (then the erasure workflow is told). Staff of another commune get 403.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { erasureFamily, erasureRequestsFor, recordWalletReturn } from '../../db/queries/personal-data/erasure.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { formatEuros } from '../../domain/money.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, handleForm, ID, idParam } from '../forms/form-route.ts';
import type { FieldErrors } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { ErasuresPage, type TransferForm } from './views/erasures.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const erasureAccess = {
  'GET /agent/effacements': { who: 'staff' },
  'POST /agent/effacements/:id/virement': { who: 'staff', object: 'erasure-request', input: { form: 'GET /agent/effacements' } },
} satisfies AccessTable;

const transferSchema = z.object({
  reference: z
    .string({ error: 'Indiquez la référence du virement.' })
    .trim()
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ./_-]{2,39}$/u, 'Indiquez la référence du virement (3 à 40 lettres, chiffres, espaces ou - . / _).'),
  montant: z.string().regex(/^\d{1,9}$/, 'Montant inconnu : rechargez la page.').transform(Number),
});

export function erasureRoutes({ db, workflows, now }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, form?: TransferForm) =>
    c.render(<ErasuresPage rows={await erasureRequestsFor(db, await staffCommuneIds(db, currentUser(c)))} message={flash(c, { virement: 'Le virement est enregistré : les données de la famille vont être effacées.' })} {...(form ? { form } : {})} />, {
      title: 'Demandes d’effacement',
    });

  router.get('/effacements', (c) => page(c));

  router.post(`/effacements/:id${ID}/virement`, async (c) => {
    const requestId = idParam(c);
    const family = await erasureFamily(db, requestId);
    if (!family || family.communeId === null || !(await staffCommuneIds(db, currentUser(c))).includes(family.communeId)) throw new HTTPException(403);
    return handleForm(c, {
      schema: transferSchema,
      again: ({ values, errors }) => page(c, { requestId, values, errors }),
      save: async ({ reference, montant }): Promise<FieldErrors | void> => {
        const outcome = await recordWalletReturn(db, { requestId, staffId: currentUser(c).id, cents: montant, reference, now: now() });
        if (outcome === 'not-awaited') return { reference: 'Ce virement est déjà enregistré.' };
        if (outcome !== 'recorded') return { reference: `Le solde a changé : il est maintenant de ${formatEuros(outcome.balanceChanged)}. Vérifiez le virement avant de l’enregistrer.` };
        await workflows.erasureWalletReturned(family.userId);
      },
      then: '/agent/effacements?ok=virement',
    });
  });

  return router;
}
