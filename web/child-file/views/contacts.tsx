// The persons of the child's file: those to call in an emergency and those who may collect the
// child (shown to staff at the door), each changed or removed here, and the form that adds one.
import type { Dependant } from '../../../db/database.ts';
import type { ContactRow } from '../../../db/queries/child-file/contacts.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ErrorSummary, Field, FieldError, Notice } from '../../forms/fields.tsx';
import { childName, filePath } from '../child.ts';
import { Choices } from './choices.tsx';

const labels = { first_name: 'Prénom', last_name: 'Nom', phone: 'Téléphone', relationship: 'Lien avec l’enfant', roles: 'Rôle' };

export const contactRoles = [
  { value: 'urgence', label: 'À prévenir en cas d’urgence' },
  { value: 'recuperation', label: 'Autorisé(e) à venir chercher l’enfant' },
] as const;

function ContactForm({ action, contactId, values, errors, submit }: { action: string; contactId: number | null; values: FormValues; errors: FieldErrors; submit: string }) {
  const roles = values.roles?.split(',') ?? [];
  return (
    <form method="post" action={action} novalidate>
      <ErrorSummary errors={errors} labels={labels} />
      <input type="hidden" name="contact" value={contactId === null ? '' : String(contactId)} />
      <FieldError name="contact" error={errors.contact} />
      <Field name="first_name" label="Prénom" required value={values.first_name} error={errors.first_name} autocomplete="off" />
      <Field name="last_name" label="Nom" required value={values.last_name} error={errors.last_name} autocomplete="off" />
      <Field name="phone" label="Téléphone" type="tel" required value={values.phone} error={errors.phone} hint="Exemple : 06 12 34 56 78" autocomplete="off" />
      <Field name="relationship" label="Lien avec l’enfant" required value={values.relationship} error={errors.relationship} hint="Exemple : grand-mère, voisin, assistante maternelle" />
      <Choices name="roles" legend="Cette personne est" type="checkbox" options={contactRoles} chosen={roles} error={errors.roles} hint="Au moins l’un des deux. Elle présentera une pièce d’identité pour venir chercher l’enfant." />
      <button class="button" type="submit">
        {submit}
      </button>
    </form>
  );
}

export function ContactsPage(props: { child: Dependant; contacts: ContactRow[]; editing: ContactRow | null; values: FormValues; errors?: FieldErrors | undefined; message: string | null; removeError?: string | undefined }) {
  const { child, contacts, editing, values, errors = {}, message, removeError } = props;
  const path = `${filePath(child)}/contacts`;
  return (
    <>
      <p>
        <a href={filePath(child)}>← Fiche de {childName(child)}</a>
      </p>
      <h1>Personnes à prévenir et autorisées à venir chercher {child.first_name}</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {removeError ? <Notice kind="warning">{removeError}</Notice> : null}
      {contacts.length === 0 ? (
        <p>Aucune personne n'est indiquée pour le moment.</p>
      ) : (
        <table class="stack">
          <caption class="visually-hidden">Les personnes de la fiche de {child.first_name}</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Téléphone</th>
              <th scope="col">Rôle</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {contacts.map((contact) => (
              <tr>
                <td data-label="Nom">
                  {contact.first_name} {contact.last_name} ({contact.relationship})
                </td>
                <td data-label="Téléphone">{contact.phone}</td>
                <td data-label="Rôle">{[contact.is_emergency ? 'à prévenir' : null, contact.may_collect ? 'peut venir chercher l’enfant' : null].filter(Boolean).join(', ')}</td>
                <td class="actions">
                  <a href={`${path}?modifier=${contact.id}#modifier`}>
                    Modifier<span class="visually-hidden"> {contact.first_name} {contact.last_name}</span>
                  </a>
                  <form method="post" action={`${path}/retirer`} class="inline-form">
                    <input type="hidden" name="contact" value={String(contact.id)} />
                    <button type="submit" class="link-button">
                      Retirer<span class="visually-hidden"> {contact.first_name} {contact.last_name}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="modifier">{editing ? `Modifier ${editing.first_name} ${editing.last_name}` : 'Ajouter une personne'}</h2>
      <ContactForm action={path} contactId={editing?.id ?? null} values={values} errors={errors} submit={editing ? 'Enregistrer' : 'Ajouter'} />
      {editing ? (
        <p>
          <a href={path}>Annuler la modification</a>
        </p>
      ) : null}
    </>
  );
}
