// The régies' settings: staff read their communes' régies, administrators create and change them
// (audited); staff of a régie's communes attach one of their products to it.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { allCommunes, attachProduct, productsToAttach, regieProducts, regieStaffCandidates, regieSummaries, saveRegie, type RegieDetail } from '../../db/queries/regies/regie-settings.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, handleForm, ID, idParam } from '../forms/form-route.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { idField } from '../forms/schemas.ts';
import { currentUser } from '../middleware/guards.ts';
import { checkRegieForm, formOfSettings, readRegieForm, type RegieFormValues } from './regie-form.ts';
import { visibleRegie } from './regie-scope.ts';
import { RegieForm } from './views/regie-form.tsx';
import { RegiePage, RegiesPage } from './views/regies.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const regiesAdminAccess = {
  'GET /agent/regies': { who: 'staff' },
  'GET /agent/regies/nouvelle': { who: 'admin' },
  'POST /agent/regies/nouvelle': { who: 'admin', input: { form: 'GET /agent/regies/nouvelle' } },
  'GET /agent/regies/:id': { who: 'staff', object: 'commune-regie' },
  'POST /agent/regies/:id': { who: 'admin', object: 'commune-regie', input: { form: 'GET /agent/regies/:id' } },
  'POST /agent/regies/:id/produits': { who: 'staff', object: 'commune-regie', input: { form: 'GET /agent/regies/:id' } },
} satisfies AccessTable;

const messages = { creee: 'La régie est créée.', modifiee: 'La régie est enregistrée.', produit: 'Le produit est rattaché à la régie : ses paiements à venir entrent dans son journal.' };

const EMPTY_FORM: RegieFormValues = { values: { payfip_saisie: 'T' }, lists: { moyens: [], communes: [], suppleants: [] } };

export function regiesAdminRoutes({ db }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  const known = async () => ({ communes: await allCommunes(db), staff: await regieStaffCandidates(db) });

  const formOf = async (action: string, form: RegieFormValues, errors: FieldErrors, keys: { hasHmacKey: boolean; hasDirectKey: boolean }, submit: string) => {
    const { communes, staff } = await known();
    return <RegieForm action={action} form={form} errors={errors} communes={communes} staff={staff} hasHmacKey={keys.hasHmacKey} hasDirectKey={keys.hasDirectKey} submit={submit} />;
  };

  const regiePage = async (c: Context<AppEnv>, regie: RegieDetail, extra: { form?: RegieFormValues; errors?: FieldErrors; attach?: { value?: string; errors: FieldErrors }; message?: string | null } = {}) => {
    const user = currentUser(c);
    const summary = (await regieSummaries(db, null)).find((r) => r.id === regie.id)!;
    const form = user.role === 'admin' ? await formOf(`/agent/regies/${regie.id}`, extra.form ?? formOfSettings(regie), extra.errors ?? {}, regie, 'Enregistrer la régie') : null;
    return c.render(
      <RegiePage
        regie={regie}
        summary={summary}
        message={extra.message ?? null}
        form={form}
        products={await regieProducts(db, regie.id)}
        attachable={await productsToAttach(db, regie.id, await staffCommuneIds(db, user))}
        attach={extra.attach ?? { errors: {} }}
      />,
      { title: regie.name },
    );
  };

  const save = async (c: Context<AppEnv>, regieId: number | null, again: (form: RegieFormValues, errors: FieldErrors) => Promise<Response>) => {
    const form = await readRegieForm(c);
    const { communes, staff } = await known();
    const checked = checkRegieForm(form, { communeIds: communes.map((commune) => commune.id), staff });
    const refuse = (errors: FieldErrors) => {
      c.status(400);
      return again(form, errors);
    };
    if (!checked.ok) return refuse(checked.errors);
    const saved = await saveRegie(db, { regieId, settings: checked.settings, hmacKey: checked.hmacKey, directKey: checked.directKey, adminId: currentUser(c).id });
    if (saved === 'name-taken') return refuse({ nom: 'Une autre régie porte déjà ce nom.' });
    if ('communeWithProducts' in saved) return refuse({ communes: `La régie tient encore des produits de ${saved.communeWithProducts} : rattachez-les d’abord à une autre régie de cette commune.` });
    return c.redirect(`/agent/regies/${saved.id}?ok=${regieId === null ? 'creee' : 'modifiee'}`, 303);
  };

  router.get('/', async (c) => {
    const user = currentUser(c);
    const regies = await regieSummaries(db, user.role === 'admin' ? null : await staffCommuneIds(db, user));
    return c.render(<RegiesPage regies={regies} admin={user.role === 'admin'} message={flash(c, messages)} />, { title: 'Régies de recettes' });
  });

  const newPage = async (c: Context<AppEnv>, form: RegieFormValues, errors: FieldErrors) =>
    c.render(
      <>
        <p>
          <a href="/agent/regies">← Régies de recettes</a>
        </p>
        <h1>Nouvelle régie</h1>
        <h2>La régie</h2>
        {await formOf('/agent/regies/nouvelle', form, errors, { hasHmacKey: false, hasDirectKey: false }, 'Créer la régie')}
      </>,
      { title: 'Nouvelle régie' },
    );

  router.get('/nouvelle', (c) => newPage(c, EMPTY_FORM, {}));
  router.post('/nouvelle', (c) => save(c, null, (form, errors) => newPage(c, form, errors)));

  router.get(`/:id${ID}`, async (c) => {
    const regie = await visibleRegie(db, c, idParam(c));
    return regiePage(c, regie, { message: flash(c, messages) });
  });

  router.post(`/:id${ID}`, async (c) => {
    const regie = await visibleRegie(db, c, idParam(c));
    return save(c, regie.id, (form, errors) => regiePage(c, regie, { form, errors }));
  });

  router.post(`/:id${ID}/produits`, async (c) => {
    const regie = await visibleRegie(db, c, idParam(c));
    const user = currentUser(c);
    return handleForm(c, {
      schema: z.object({ produit: idField('Choisissez un produit de la liste.') }),
      again: ({ values, errors }: { values: FormValues; errors: FieldErrors }) => regiePage(c, regie, { attach: { value: values.produit ?? '', errors } }),
      save: async ({ produit }) => {
        if (!(await attachProduct(db, { regieId: regie.id, productId: produit, staffId: user.id, staffCommuneIds: await staffCommuneIds(db, user) }))) return { produit: 'Choisissez un produit de la liste.' };
      },
      then: `/agent/regies/${regie.id}?ok=produit`,
    });
  });

  return router;
}
