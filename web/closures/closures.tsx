// Staff: Fermetures exceptionnelles of their communes' products. The closure is recorded, then its
// workflow does the cancellations, refunds and mails; the page shows its progress.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { productInCommunes, productsOfCommunes } from '../../db/queries/tickets/index.ts';
import { closuresOfCommunes, createClosure, dropUnstartedClosure } from '../../db/queries/closures/closures.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { addDays, isIsoDate, parisDate } from '../../domain/dates.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, handleForm } from '../forms/form-route.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { isoDayField } from '../forms/schemas.ts';
import { CLOSURE_REASONS, ClosuresPage } from './views/closures.tsx';
import type { AccessTable } from '../http/access.ts';

/** Who may call each route below (see web/http/access.ts). */
export const closureAccess = {
  'GET /agent/fermetures': { who: 'staff' },
  'POST /agent/fermetures': { who: 'staff', input: { form: 'GET /agent/fermetures' } },
} satisfies AccessTable;

const closureSchema = z.object({
  produit: z.string({ error: "Choisissez l'activité." }).regex(/^\d{1,12}$/, "Choisissez l'activité.").transform(Number),
  du: isoDayField('Indiquez le premier jour fermé.'),
  au: isoDayField('Indiquez le dernier jour fermé.'),
  motif: z.enum(CLOSURE_REASONS, { error: 'Choisissez le motif.' }),
  precision: z
    .string()
    .optional()
    .transform((value) => value?.trim() ?? '')
    .refine((value) => value.length <= 200 && !/[\u0000-\u001f\u007f]/.test(value), 'La précision tient en 200 caractères.'),
});

export function closureRoutes({ db, now, workflows, config, logger }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();
  const temporalUi = config.TEMPORAL_UI_ORIGIN;

  const page = async (c: Context<AppEnv>, extra: { message?: string | null; values?: FormValues; errors?: FieldErrors } = {}) => {
    const communes = await staffCommuneIds(db, currentUser(c));
    const [products, closures] = await Promise.all([productsOfCommunes(db, communes), closuresOfCommunes(db, communes)]);
    return c.render(<ClosuresPage products={products} closures={closures} temporalUi={temporalUi} message={extra.message ?? null} values={extra.values} errors={extra.errors} />, {
      title: 'Fermetures exceptionnelles',
    });
  };

  router.get('/fermetures', (c) => {
    // The catalogue's calendar links here with the product and day to close already chosen.
    const { produit, du } = c.req.query();
    const values = /^\d{1,12}$/.test(produit ?? '') && isIsoDate(du ?? '') ? { produit: produit!, du: du!, au: du! } : undefined;
    return page(c, { message: flash(c, { ok: 'La fermeture est enregistrée : les réservations sont annulées et remboursées, les familles prévenues.' }), values });
  });

  router.post('/fermetures', (c) =>
    handleForm(c, {
      schema: closureSchema,
      again: (form) => page(c, form),
      save: async (data): Promise<FieldErrors | void> => {
        const today = parisDate(now());
        if (data.du < today) return { du: "Le premier jour ne peut pas être passé." };
        if (data.au < data.du) return { au: 'Le dernier jour suit le premier.' };
        if (data.au > addDays(data.du, 92)) return { au: 'Une fermeture dure trois mois au plus.' };
        const product = await productInCommunes(db, data.produit, await staffCommuneIds(db, currentUser(c)));
        if (!product) return { produit: "Cette activité n'est pas de vos communes." };
        const reason = data.precision ? `${data.motif} : ${data.precision}` : data.motif;
        const closureId = await createClosure(db, { productId: product.id, firstDay: data.du, lastDay: data.au, reason, staffId: currentUser(c).id });
        if (closureId === 'already-closed') return { du: 'Ces jours sont déjà fermés pour cette activité (formulaire envoyé deux fois ?) : rien n’a été changé.' };
        try {
          await workflows.startClosure(closureId);
        } catch (error) {
          // The workflow does all the work: without it nothing happened, and the closure goes.
          logger.error({ err: error, closureId }, 'closure workflow not started');
          await dropUnstartedClosure(db, closureId, currentUser(c).id);
          return { produit: 'Le traitement des fermetures ne répond pas pour le moment : rien n’a été fermé, réessayez dans quelques minutes.' };
        }
      },
      then: '/agent/fermetures?ok=ok',
    }),
  );

  return router;
}
