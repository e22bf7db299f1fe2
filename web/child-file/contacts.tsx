// The persons of the child's file: added, changed and removed by the family, each change logged
// for the other guardian. The person a form changes or removes travels in a hidden field and is
// read among this child's persons only.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { addContact, findContact, listContacts, removeContact, updateContact, type ContactRow } from '../../db/queries/child-file/contacts.ts';
import type { Dependant } from '../../db/database.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { flash, ID } from '../forms/form-route.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { phoneField, repeatedText, requiredText } from '../forms/schemas.ts';
import { currentUser } from '../middleware/guards.ts';
import { childName, childOf, filePath, readFields, validateFields } from './child.ts';
import { ContactsPage } from './views/contacts.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const contactsAccess = {
  'GET /mon-compte/enfants/:id/contacts': { who: 'parent', object: 'dependant' },
  'POST /mon-compte/enfants/:id/contacts': { who: 'parent', object: 'dependant', input: { form: 'GET /mon-compte/enfants/:id/contacts' } },
  'POST /mon-compte/enfants/:id/contacts/retirer': { who: 'parent', object: 'dependant', input: { form: 'GET /mon-compte/enfants/:id/contacts' } },
} satisfies AccessTable;

const GONE = "Cette personne n'est plus sur la fiche : la liste ci-dessous est à jour.";

const contactSchema = z.object({
  contact: z.string().regex(/^(\d{1,12})?$/, GONE).optional().transform((value) => (value ? Number(value) : null)),
  first_name: requiredText('Indiquez le prénom.', 80),
  last_name: requiredText('Indiquez le nom.', 80),
  phone: z.string({ error: 'Indiquez le numéro de téléphone.' }).trim().min(1, 'Indiquez le numéro de téléphone.').pipe(phoneField),
  relationship: requiredText("Indiquez le lien avec l'enfant (grand-mère, voisin…).", 80),
  roles: repeatedText
    .refine((values) => values.every((value) => value === 'urgence' || value === 'recuperation'), 'Choisissez parmi les rôles proposés.')
    .refine((values) => values.length > 0, "Cochez au moins un rôle : à prévenir en cas d'urgence, ou autorisé(e) à venir chercher l'enfant."),
});

const removeSchema = z.object({ contact: z.string({ error: GONE }).regex(/^\d{1,12}$/, GONE).transform(Number) });

const flashes = { ajout: 'La personne a été ajoutée.', modif: 'La personne a été modifiée.', retrait: 'La personne a été retirée de la fiche.' };

const valuesOf = (contact: ContactRow): FormValues => ({
  first_name: contact.first_name,
  last_name: contact.last_name,
  phone: contact.phone,
  relationship: contact.relationship,
  roles: [contact.is_emergency ? 'urgence' : null, contact.may_collect ? 'recuperation' : null].filter(Boolean).join(','),
});

export function contactsRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, now } = deps;
  const router = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, child: Dependant, extra: { editing?: ContactRow | null; values?: FormValues; errors?: FieldErrors; removeError?: string; message?: string | null } = {}) => {
    const contacts = await listContacts(db, child.id);
    const editing = extra.editing ?? null;
    return c.render(
      <ContactsPage child={child} contacts={contacts} editing={editing} values={extra.values ?? (editing ? valuesOf(editing) : {})} errors={extra.errors} removeError={extra.removeError} message={extra.message ?? null} />,
      { title: `Personnes de la fiche de ${childName(child)}` },
    );
  };

  router.get(`/mon-compte/enfants/:id${ID}/contacts`, async (c) => {
    const child = await childOf(deps, c);
    if (!child) return c.notFound();
    const asked = c.req.query('modifier');
    const editing = asked && /^\d{1,12}$/.test(asked) ? ((await findContact(db, child.id, Number(asked))) ?? null) : null;
    return page(c, child, { editing, message: flash(c, flashes), ...(asked && !editing ? { removeError: GONE } : {}) });
  });

  router.post(`/mon-compte/enfants/:id${ID}/contacts`, async (c) => {
    const user = currentUser(c);
    const child = await childOf(deps, c);
    if (!child) return c.notFound();
    const { values, all } = await readFields(c);
    const roles = all('roles');
    const shown: FormValues = { ...values, roles: roles.filter((r): r is string => typeof r === 'string').join(',') };
    const contactId = values.contact && /^\d{1,12}$/.test(values.contact) ? Number(values.contact) : null;
    const editing = contactId === null ? null : ((await findContact(db, child.id, contactId)) ?? null);
    const again = (errors: FieldErrors) => {
      c.status(400);
      return page(c, child, { editing, values: shown, errors });
    };
    const form = validateFields(contactSchema, values, { roles });
    if (!form.ok) return again(form.errors);
    if (form.data.contact !== null && !editing) return again({ contact: GONE });
    const fields = {
      first_name: form.data.first_name,
      last_name: form.data.last_name,
      phone: form.data.phone,
      relationship: form.data.relationship,
      is_emergency: form.data.roles.includes('urgence'),
      may_collect: form.data.roles.includes('recuperation'),
    };
    if (editing) {
      if (!(await updateContact(db, { dependantId: child.id, contactId: editing.id, fields, userId: user.id, now: now() }))) return again({ contact: GONE });
      return c.redirect(`${filePath(child)}/contacts?ok=modif`, 303);
    }
    await addContact(db, { dependantId: child.id, fields, userId: user.id, now: now() });
    return c.redirect(`${filePath(child)}/contacts?ok=ajout`, 303);
  });

  router.post(`/mon-compte/enfants/:id${ID}/contacts/retirer`, async (c) => {
    const user = currentUser(c);
    const child = await childOf(deps, c);
    if (!child) return c.notFound();
    const form = validateFields(removeSchema, (await readFields(c)).values, {});
    const removed = form.ok && (await removeContact(db, { dependantId: child.id, contactId: form.data.contact, userId: user.id, now: now() }));
    if (!removed) {
      c.status(400);
      return page(c, child, { removeError: GONE });
    }
    return c.redirect(`${filePath(child)}/contacts?ok=retrait`, 303);
  });

  return router;
}
