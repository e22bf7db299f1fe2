// Staff: the forms of « Démarches en ligne » of their communes: build one with as many fields as it
// needs, see it as families will, create it, publish or withdraw it, and edit it while no family
// has answered it (then only its title and presentation).
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { createRequestForm, requestFormForEdit, requestFormInCommunes, requestFormsForStaff, setRequestFormPublished, updateRequestForm } from '../../db/queries/requests/request-forms.ts';
import { communeOptions, staffCommuneIds } from '../../db/queries/accounts/index.ts';
import { MAX_REQUEST_FIELDS, type RequestField } from '../../domain/request-forms.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, handleForm, ID, idParam } from '../forms/form-route.ts';
import { asksForRow, rowsToShow } from '../forms/form-rows.ts';
import { readForm, validateForm, type FieldErrors, type FormValues } from '../forms/forms.ts';
import { currentUser } from '../middleware/guards.ts';
import { idField, requiredText } from '../forms/schemas.ts';
import { RequestFormsPage } from './views/forms.tsx';
import { RequestFormEditPage } from './views/form-edit.tsx';
import { PREVIEW } from './views/form-builder.tsx';
import { FIELD_PREFIXES, requestFieldsFromForm, requestFieldsToForm } from './form-fields.ts';

/** Who may call each route below (see web/http/access.ts). */
export const requestFormAccess = {
  'GET /agent/demarches/formulaires': { who: 'staff' },
  'POST /agent/demarches/formulaires': { who: 'staff', input: { form: 'GET /agent/demarches/formulaires' } },
  'GET /agent/demarches/formulaires/:id': { who: 'staff', object: 'commune-request-form' },
  'POST /agent/demarches/formulaires/:id': { who: 'staff', object: 'commune-request-form', input: { form: 'GET /agent/demarches/formulaires/:id' } },
  'POST /agent/demarches/formulaires/:id/publication': { who: 'staff', object: 'commune-request-form', input: 'button' },
} satisfies AccessTable;

const messages = {
  cree: 'Le formulaire est créé : publiez-le pour que les familles le trouvent.', publie: 'Le formulaire est publié.', retire: "Le formulaire n'est plus publié.", modifie: 'Le formulaire est enregistré.',
};

const CHANGED = "Ce formulaire a changé depuis que vous l'avez ouvert (un collègue l'a modifié, ou une famille y a répondu) : le voici tel qu'il est maintenant, rien n'a été enregistré.";

const textFields = {
  titre: requiredText('Indiquez le titre du formulaire.', 120),
  description: z.string().optional().transform((value) => value?.trim() ?? '').refine((value) => value.length <= 2000, '2 000 caractères au plus.'),
};
const formSchema = z.object({ commune: idField('Choisissez la commune.'), ...textFields });
const editSchema = z.object({ version: z.string({ error: CHANGED }).regex(/^[0-9a-f]{16}$/, CHANGED), ...textFields });

const builderRows = (values: FormValues, adding = false) => ({ shown: rowsToShow(values, { prefixes: FIELD_PREFIXES, initial: 3, max: MAX_REQUEST_FIELDS, adding }), max: MAX_REQUEST_FIELDS });

/** The form's text fields by their schema and its rows, every error next to its own field. */
function readBuilder<S extends z.ZodType>(schema: S, values: FormValues, withFields: boolean): { data: z.infer<S>; fields: RequestField[] } | { errors: FieldErrors } {
  const read = validateForm(schema, values);
  const rows = withFields ? requestFieldsFromForm(values) : { fields: [] };
  const errors = { ...('errors' in rows ? rows.errors : {}), ...(read.ok ? {} : read.errors) };
  if (!read.ok || 'errors' in rows) return { errors };
  return { data: read.data, fields: rows.fields };
}

const previewing = (values: FormValues) => values[PREVIEW.name] === PREVIEW.value;

export function requestFormRoutes({ db }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  const staffCommunes = async (c: Context<AppEnv>) => {
    const communeIds = await staffCommuneIds(db, currentUser(c));
    return (await communeOptions(db)).filter((commune) => communeIds.includes(commune.id));
  };

  const page = async (c: Context<AppEnv>, extra: { message?: string | null; values?: FormValues; errors?: FieldErrors; addingRow?: boolean; preview?: { title: string; description: string; commune: string; fields: RequestField[] } } = {}) => {
    const communes = await staffCommunes(c);
    const forms = await requestFormsForStaff(db, communes.map((commune) => commune.id));
    return c.render(
      <RequestFormsPage forms={forms} communes={communes} message={extra.message ?? null} values={extra.values} errors={extra.errors} rows={builderRows(extra.values ?? {}, extra.addingRow)} preview={extra.preview} />,
      { title: 'Formulaires des démarches en ligne' },
    );
  };

  router.get('/demarches/formulaires', (c) => page(c, { message: flash(c, messages) }));

  router.post('/demarches/formulaires', async (c) => {
    const values = await readForm(c);
    // « Ajouter un champ » and « Aperçu »: the same form again, one row more or the form as families will see it; nothing saved.
    if (asksForRow(values)) return page(c, { values, addingRow: true });
    if (previewing(values)) {
      const read = readBuilder(formSchema, values, true);
      const commune = 'data' in read ? (await staffCommunes(c)).find((one) => one.id === read.data.commune) : undefined;
      if ('errors' in read || !commune) {
        c.status(400);
        return page(c, { values, errors: 'errors' in read ? read.errors : { commune: "Cette commune n'est pas des vôtres." } });
      }
      return page(c, { values, preview: { title: read.data.titre, description: read.data.description, commune: commune.name, fields: read.fields } });
    }
    let fields: RequestField[] = [];
    return handleForm(c, {
      schema: formSchema,
      check: (typed): FieldErrors => {
        const read = requestFieldsFromForm(typed);
        if ('errors' in read) return read.errors;
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

  /** The form the path names, if it is one of the staff's communes (403 otherwise). */
  const editedForm = async (c: Context<AppEnv>) => {
    const form = await requestFormForEdit(db, idParam(c), await staffCommuneIds(db, currentUser(c)));
    if (!form) throw new HTTPException(403);
    return form;
  };
  type Edited = NonNullable<Awaited<ReturnType<typeof requestFormForEdit>>>;

  const editPage = (c: Context<AppEnv>, form: Edited, extra: { values?: FormValues; errors?: FieldErrors; addingRow?: boolean; preview?: RequestField[] | undefined; message?: string | null; warning?: string } = {}) => {
    const values = extra.values ?? { titre: form.title, description: form.description, ...requestFieldsToForm(form.fields) };
    const shown = extra.preview ? { title: values.titre?.trim() ?? form.title, description: values.description?.trim() ?? '', fields: extra.preview } : { title: form.title, description: form.description, fields: form.fields };
    return c.render(
      <RequestFormEditPage
        form={form}
        values={values}
        errors={extra.errors ?? {}}
        rows={builderRows(values, extra.addingRow)}
        preview={{ ...shown, commune: form.commune }}
        message={extra.message ?? null}
        warning={extra.warning}
      />,
      { title: `Formulaire – ${form.title}` },
    );
  };

  router.get(`/demarches/formulaires/:id${ID}`, async (c) => editPage(c, await editedForm(c), { message: flash(c, messages) }));

  router.post(`/demarches/formulaires/:id${ID}`, async (c) => {
    const form = await editedForm(c);
    const values = await readForm(c);
    if (asksForRow(values) && form.answered === 0) return editPage(c, form, { values, addingRow: true });
    // A form families answered keeps its fields: its page sends none.
    const read = readBuilder(editSchema, values, form.answered === 0);
    if ('errors' in read) {
      c.status(400);
      return editPage(c, form, { values, errors: read.errors });
    }
    if (previewing(values)) return editPage(c, form, { values, preview: form.answered === 0 ? read.fields : form.fields });
    const result = await updateRequestForm(db, {
      formId: form.id, version: read.data.version, title: read.data.titre, description: read.data.description, fields: form.answered === 0 ? read.fields : null, staffId: currentUser(c).id,
    });
    if (result === 'saved') return c.redirect(`/agent/demarches/formulaires/${form.id}?ok=modifie`, 303);
    if (result === 'title-taken') {
      c.status(400);
      return editPage(c, form, { values, errors: { titre: 'Un formulaire de ce titre existe déjà dans cette commune.' } });
    }
    // Changed or answered since the page was shown: the form as it is now, what was typed kept.
    c.status(409);
    return editPage(c, await editedForm(c), { values, warning: CHANGED });
  });

  router.post(`/demarches/formulaires/:id${ID}/publication`, async (c) => {
    const form = await requestFormInCommunes(db, idParam(c), await staffCommuneIds(db, currentUser(c)));
    if (!form) throw new HTTPException(403);
    await setRequestFormPublished(db, form.id, !form.published, currentUser(c).id);
    return c.redirect(`/agent/demarches/formulaires?ok=${form.published ? 'retire' : 'publie'}`, 303);
  });

  return router;
}
