// Staff: the forms of « Démarches en ligne »: their communes' forms with what waits, publish or
// withdraw one, and a new form built field by field (text, date, choice among options, file).
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { FIELD_KIND_LABELS, FIELD_KINDS } from '../../../domain/request-forms.ts';
import { ErrorSummary, Field, Notice, SelectField, TextArea } from '../../forms/fields.tsx';

export const FIELD_ROWS = 6;

const labels = { commune: 'Commune', titre: 'Titre', description: 'Présentation', champs: 'Champs' };

interface FormRow {
  id: number;
  title: string;
  commune: string;
  published: boolean;
  waiting: number;
}

export function RequestFormsPage(props: { forms: FormRow[]; communes: { id: number; name: string }[]; message: string | null; values?: FormValues | undefined; errors?: FieldErrors | undefined }) {
  const { forms, communes, message, values = {}, errors = {} } = props;
  return (
    <>
      <p>
        <a href="/agent/demarches">← Demandes reçues</a>
      </p>
      <h1>Formulaires des démarches en ligne</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {forms.length === 0 ? (
        <p>Aucun formulaire dans vos communes.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Formulaires de vos communes</caption>
          <thead>
            <tr>
              <th scope="col">Formulaire</th>
              <th scope="col">Demandes en attente</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {forms.map((form) => (
              <tr>
                <td>
                  {form.title} – {form.commune}
                </td>
                <td>
                  <a href={`/agent/demarches?formulaire=${form.id}`}>{form.waiting}</a>
                </td>
                <td>
                  <form method="post" action={`/agent/demarches/formulaires/${form.id}/publication`} class="inline-form">
                    {form.published ? 'Publié ' : 'Non publié '}
                    <button class="link-button" type="submit" aria-label={`${form.published ? 'Retirer' : 'Publier'} « ${form.title} »`}>
                      {form.published ? '(retirer)' : '(publier)'}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Nouveau formulaire</h2>
      <p>Les familles le trouvent sous « Démarches en ligne » une fois publié. Chaque demande reçue attend votre réponse ici : accepter, refuser ou demander un complément.</p>
      <form method="post" action="/agent/demarches/formulaires" novalidate>
        <ErrorSummary errors={errors} labels={labels} />
        <SelectField name="commune" label={labels.commune} required value={values.commune} error={errors.commune} placeholder="Choisissez" options={communes.map((c) => ({ value: String(c.id), label: c.name }))} />
        <Field name="titre" label={labels.titre} required value={values.titre} error={errors.titre} hint="Par exemple : « Réservation de la salle des fêtes »." />
        <TextArea name="description" label={labels.description} value={values.description} error={errors.description} rows={3} />
        <fieldset class={errors.champs ? 'field field--error' : 'field'} aria-describedby="champs-hint">
          <legend>{labels.champs} (au moins un)</legend>
          <p class="field__hint" id="champs-hint">
            Pour un champ « Choix », donnez les réponses possibles séparées par des points-virgules. Trois champs « Fichier » au plus.
          </p>
          {errors.champs ? (
            <p class="field__error" id="champs-error">
              {errors.champs}
            </p>
          ) : null}
          {Array.from({ length: FIELD_ROWS }, (_, i) => (
            <div class="inline-fields">
              <Field name={`libelle_${i + 1}`} label={`Champ ${i + 1} : libellé`} value={values[`libelle_${i + 1}`]} />
              <SelectField name={`type_${i + 1}`} label="Type" value={values[`type_${i + 1}`] ?? 'text'} options={FIELD_KINDS.map((kind) => ({ value: kind, label: FIELD_KIND_LABELS[kind] }))} />
              <Field name={`choix_${i + 1}`} label="Réponses (pour un choix)" value={values[`choix_${i + 1}`]} />
              <div class="checkbox">
                <input type="checkbox" id={`obligatoire_${i + 1}`} name={`obligatoire_${i + 1}`} value="1" checked={values[`obligatoire_${i + 1}`] === '1'} />
                <label for={`obligatoire_${i + 1}`}>Obligatoire</label>
              </div>
            </div>
          ))}
        </fieldset>
        <button class="button" type="submit">
          Créer le formulaire
        </button>
      </form>
    </>
  );
}
