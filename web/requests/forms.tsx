// Staff: the forms of « Démarches en ligne » of their communes: create one, publish or withdraw it.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { createRequestForm, requestFormInCommunes, requestFormsForStaff, setRequestFormPublished } from '../../db/queries/requests/request-forms.ts';
import { communeOptions, staffCommuneIds } from '../../db/queries/accounts/index.ts';
import type { RequestField } from '../../domain/request-forms.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, handleForm, ID, idParam } from '../forms/form-route.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { idField, requiredText } from '../forms/schemas.ts';
import { RequestFormsPage } from './views/forms.tsx';
import { requestFieldsFromForm } from './form-fields.ts';

/** Who may call each route below (see web/http/access.ts). */
export const requestFormAccess = {
  'GET /agent/demarches/formulaires': { who: 'staff' },
  'POST /agent/demarches/formulaires': { who: 'staff', input: { form: 'GET /agent/demarches/formulaires' } },
  'POST /agent/demarches/formulaires/:id/publication': { who: 'staff', object: 'commune-request-form', input: 'button' },
} satisfies AccessTable;

const messages = { cree: 'Le formulaire est créé : publiez-le pour que les familles le trouvent.', publie: 'Le formulaire est publié.', retire: "Le formulaire n'est plus publié." };

const formSchema = z.object({
  commune: idField('Choisissez la commune.'),
  titre: requiredText('Indiquez le titre du formulaire.', 120),
  description: z.string().optional().transform((value) => value?.trim() ?? '').refine((value) => value.length <= 2000, '2 000 caractères au plus.'),
});

export function requestFormRoutes({ db }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, extra: { message?: string | null; values?: FormValues; errors?: FieldErrors } = {}) => {
    const communeIds = await staffCommuneIds(db, currentUser(c));
    const [forms, communes] = await Promise.all([requestFormsForStaff(db, communeIds), communeOptions(db)]);
    return c.render(<RequestFormsPage forms={forms} communes={communes.filter((commune) => communeIds.includes(commune.id))} message={extra.message ?? null} values={extra.values} errors={extra.errors} />, {
      title: 'Formulaires des démarches en ligne',
    });
  };

  router.get('/demarches/formulaires', (c) => page(c, { message: flash(c, messages) }));

  router.post('/demarches/formulaires', async (c) => {
    let fields: RequestField[] = [];
    return handleForm(c, {
      schema: formSchema,
      check: (values): FieldErrors => {
        const read = requestFieldsFromForm(values);
        if ('error' in read) return { champs: read.error };
        fields = read.fields;
        return {};
      },
      again: (form) => page(c, form),
      save: async (data): Promise<FieldErrors | void> => {
        const staff = currentUser(c);
        if (!(await staffCommuneIds(db, staff)).includes(data.commune)) return { commune: "Cette commune n'est pas des vôtres." };
        const result = await createRequestForm(db, { communeId: data.commune, title: data.titre, description: data.description, fields, staffId: staff.id });
        if (result === 'title-taken') return { titre: 'Un formulaire de ce titre existe déjà dans cette commune.' };
      },
      then: '/agent/demarches/formulaires?ok=cree',
    });
  });

  router.post(`/demarches/formulaires/:id${ID}/publication`, async (c) => {
    const form = await requestFormInCommunes(db, idParam(c), await staffCommuneIds(db, currentUser(c)));
    if (!form) throw new HTTPException(403);
    await setRequestFormPublished(db, form.id, !form.published, currentUser(c).id);
    return c.redirect(`/agent/demarches/formulaires?ok=${form.published ? 'retire' : 'publie'}`, 303);
  });

  return router;
}
