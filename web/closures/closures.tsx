// Staff: Fermetures exceptionnelles of their communes' products. Several products of the same days
// may close at once (a strike day: canteen, garderie, accueil); the page first says what will
// happen (each child, family and refund, the mails) and acts only once staff confirm. Each product
// gets its closure, whose workflow does the cancellations, refunds and mails; the page shows their
// progress.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { productsOfCommunes } from '../../db/queries/tickets/index.ts';
import { closuresOfCommunes, createClosure, dropUnstartedClosure } from '../../db/queries/closures/closures.ts';
import { productsRunningBetween } from '../../db/queries/closures/closure-preview.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { isIsoDate } from '../../domain/dates.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, handleForm } from '../forms/form-route.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { ids, isoDayField, repeated } from '../forms/schemas.ts';
import { CLOSURE_REASONS, ClosuresPage } from './views/closures.tsx';
import { ClosureConfirmationPage } from './views/closure-confirmation.tsx';
import { checkClosure, closurePlan } from './closure-plan.ts';
import type { AccessTable } from '../http/access.ts';

/** Who may call each route below (see web/http/access.ts). */
export const closureAccess = {
  'GET /agent/fermetures': { who: 'staff' },
  'POST /agent/fermetures': { who: 'staff', input: { form: 'GET /agent/fermetures' } },
} satisfies AccessTable;

const closureSchema = z.object({
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

  const page = async (c: Context<AppEnv>, extra: { message?: string | null; values?: FormValues; errors?: FieldErrors; checked?: number[] } = {}) => {
    const communes = await staffCommuneIds(db, currentUser(c));
    const { du, au } = extra.values ?? {};
    // Once the days are known, the products that run on them; before, all of the communes'.
    const days = du && isIsoDate(du) ? { first: du, last: au && isIsoDate(au) && au >= du ? au : du } : null;
    const [products, closures] = await Promise.all([days ? productsRunningBetween(db, communes, days.first, days.last) : productsOfCommunes(db, communes), closuresOfCommunes(db, communes)]);
    return c.render(
      <ClosuresPage products={products} days={days} closures={closures} temporalUi={temporalUi} message={extra.message ?? null} values={extra.values} errors={extra.errors} checked={extra.checked ?? []} />,
      { title: 'Fermetures exceptionnelles' },
    );
  };

  router.get('/fermetures', (c) => {
    // The catalogue's calendar links here with the product and day to close already chosen; the
    // page's own day filter sends `jour`.
    const { produit, du, jour } = c.req.query();
    const day = isIsoDate(du ?? '') ? du! : isIsoDate(jour ?? '') ? jour! : null;
    const values = day ? { du: day, au: day } : undefined;
    const checked = /^\d{1,12}$/.test(produit ?? '') ? [Number(produit)] : [];
    return page(c, { message: flash(c, { ok: 'La fermeture est enregistrée : les réservations sont annulées et remboursées, les familles prévenues.' }), values, checked });
  });

  router.post('/fermetures', async (c) => {
    const checked = ids(repeated.parse((await c.req.parseBody({ all: true })).produit));
    return handleForm(c, {
      schema: closureSchema,
      check: (): FieldErrors => (checked.length === 0 ? { produit: 'Cochez au moins une activité à fermer.' } : {}),
      again: (form) => page(c, { ...form, checked }),
      preview: async (data) => {
        const checkedOut = await checkClosure(db, { ...data, productIds: checked, communeIds: await staffCommuneIds(db, currentUser(c)), today: now() });
        if (!checkedOut.ok) return checkedOut.errors;
        const plan = await closurePlan(db, checkedOut.products, data);
        return c.render(<ClosureConfirmationPage plan={plan} days={data} reason={reasonOf(data)} values={{ ...data }} />, { title: 'Confirmer la fermeture' });
      },
      save: async (data): Promise<FieldErrors | void> => {
        const checkedOut = await checkClosure(db, { ...data, productIds: checked, communeIds: await staffCommuneIds(db, currentUser(c)), today: now() });
        if (!checkedOut.ok) return checkedOut.errors;
        // One closure per product, each its own workflow as before: a product already closed by
        // a second agent in between is left as it is.
        const started: number[] = [];
        for (const product of checkedOut.products) {
          const closureId = await createClosure(db, { productId: product.id, firstDay: data.du, lastDay: data.au, reason: reasonOf(data), staffId: currentUser(c).id });
          if (closureId === 'already-closed') continue;
          try {
            await workflows.startClosure(closureId);
            started.push(closureId);
          } catch (error) {
            // The workflow does all the work: without it nothing happened, and the closure goes.
            logger.error({ err: error, closureId }, 'closure workflow not started');
            await dropUnstartedClosure(db, closureId, currentUser(c).id);
            if (started.length === 0) return { produit: 'Le traitement des fermetures ne répond pas pour le moment : rien n’a été fermé, réessayez dans quelques minutes.' };
            return { produit: `Le traitement des fermetures ne répond plus : ${started.length} activité(s) fermée(s) sur ${checkedOut.products.length}, réessayez dans quelques minutes pour les autres.` };
          }
        }
        if (started.length === 0) return { du: 'Ces jours sont déjà fermés pour ces activités (formulaire envoyé deux fois ?) : rien n’a été changé.' };
      },
      then: '/agent/fermetures?ok=ok',
    });
  });

  return router;
}

const reasonOf = (data: { motif: string; precision: string }) => (data.precision ? `${data.motif} : ${data.precision}` : data.motif);
