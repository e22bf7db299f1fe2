// "Mes filiations": the family's dependants, and the form that adds or edits one.
import type { Dependant } from '../../../db/database.ts';
import { formatShortDate } from '../../../domain/dates.ts';
import { relationshipLabel, relationships } from '../../../domain/family.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../../forms/fields.tsx';

const labels = { first_name: 'Prénom', last_name: 'Nom', birth_date: 'Date de naissance', relationship: 'Lien' };

export function DependantForm({ action, values = {}, errors = {}, submit }: { action: string; values?: FormValues; errors?: FieldErrors; submit: string }) {
  return (
    <form method="post" action={action} novalidate>
      <ErrorSummary errors={errors} labels={labels} />
      <Field name="first_name" label="Prénom" required value={values.first_name} error={errors.first_name} />
      <Field name="last_name" label="Nom" required value={values.last_name} error={errors.last_name} hint="Le nom de l'enfant, même s'il diffère du vôtre." />
      <Field name="birth_date" label="Date de naissance" type="date" required value={values.birth_date} error={errors.birth_date} />
      <SelectField name="relationship" label="Lien" required options={[...relationships]} value={values.relationship} error={errors.relationship} placeholder="Choisissez" />
      <button class="button" type="submit">
        {submit}
      </button>
    </form>
  );
}

export function DependantsPage(props: { dependants: Dependant[]; values?: FormValues; errors?: FieldErrors; message?: string | null; blocked?: { name: string; bookings: string[] } | null }) {
  const { dependants, values, errors, message, blocked } = props;
  return (
    <>
      <h1>Mes filiations</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {blocked ? (
        <Notice kind="warning">
          <p>
            <strong>{blocked.name} ne peut pas être retiré(e) : des réservations sont à venir.</strong> Annulez-les d'abord :
          </p>
          <ul>
            {blocked.bookings.map((booking) => (
              <li>{booking}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {dependants.length === 0 ? (
        <p>Vous n'avez déclaré personne pour le moment. Ajoutez vos enfants pour pouvoir les inscrire.</p>
      ) : (
        <table class="stack">
          <caption class="visually-hidden">Les personnes de votre famille</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Né(e) le</th>
              <th scope="col">Lien</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {dependants.map((dependant) => (
              <tr>
                <td data-label="Nom">
                  {dependant.first_name} {dependant.last_name}
                </td>
                <td data-label="Né(e) le">{formatShortDate(dependant.birth_date)}</td>
                <td data-label="Lien">{relationshipLabel(dependant.relationship)}</td>
                <td class="actions">
                  {dependant.relationship === 'conjoint' ? null : (
                    <a href={`/mon-compte/enfants/${dependant.id}`}>
                      Fiche de l'enfant<span class="visually-hidden"> {dependant.first_name}</span>
                    </a>
                  )}
                  <a href={`/mon-compte/filiations/${dependant.id}`}>
                    Modifier<span class="visually-hidden"> {dependant.first_name}</span>
                  </a>
                  {dependant.relationship === 'enfant' ? (
                    <a href={`/mon-compte/garde-partagee/${dependant.id}`}>
                      {dependant.co_guardian_id === null ? 'Inviter l’autre parent' : 'Garde partagée'}
                      <span class="visually-hidden"> de {dependant.first_name}</span>
                    </a>
                  ) : null}
                  <form method="post" action={`/mon-compte/filiations/${dependant.id}/supprimer`} class="inline-form">
                    <button type="submit" class="link-button">
                      Retirer<span class="visually-hidden"> {dependant.first_name}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Ajouter une personne</h2>
      <p>Allergies, régimes, PAI et personnes autorisées à venir chercher l'enfant se renseignent ensuite dans la fiche de l'enfant, que les équipes ne voient que les jours où il est attendu.</p>
      <DependantForm action="/mon-compte/filiations" values={values} errors={errors} submit="Ajouter" />
    </>
  );
}

export function EditDependantPage({ dependant, values, errors }: { dependant: Dependant; values?: FormValues; errors?: FieldErrors }) {
  const current = values ?? {
    first_name: dependant.first_name,
    last_name: dependant.last_name,
    birth_date: dependant.birth_date,
    relationship: dependant.relationship,
  };
  return (
    <>
      <p>
        <a href="/mon-compte/filiations">← Mes filiations</a>
      </p>
      <h1>
        Modifier {dependant.first_name} {dependant.last_name}
      </h1>
      <DependantForm action={`/mon-compte/filiations/${dependant.id}`} values={current} errors={errors} submit="Enregistrer" />
    </>
  );
}
