// Staff: the forms of « Démarches en ligne »: their communes' forms with what waits, publish,
// withdraw or edit one, and a new form built field by field (text, date, choice among options,
// file), as many as it needs, seen as families will before it is created.
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import type { RequestField } from '../../../domain/request-forms.ts';
import { DefaultSubmit, ErrorSummary, Field, Notice, SelectField, TextArea } from '../../forms/fields.tsx';
import { FieldRows, PreviewButton, rowLabels } from './form-builder.tsx';
import { FormPreview } from './form-preview.tsx';

const labels = { commune: 'Commune', titre: 'Titre', description: 'Présentation', champs: 'Champs' };

interface FormRow {
  id: number;
  title: string;
  commune: string;
  published: boolean;
  waiting: number;
}

export function RequestFormsPage(props: {
  forms: FormRow[];
  communes: { id: number; name: string }[];
  message: string | null;
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
  rows: { shown: number; max: number };
  preview?: { title: string; description: string; commune: string; fields: RequestField[] } | undefined;
}) {
  const { forms, communes, message, values = {}, errors = {}, rows, preview } = props;
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
                  <a href={`/agent/demarches/formulaires/${form.id}`}>
                    {form.title} – {form.commune}
                    <span class="visually-hidden"> : voir et modifier</span>
                  </a>
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
        <DefaultSubmit label="Créer le formulaire" />
        <ErrorSummary errors={errors} labels={{ ...labels, ...rowLabels(rows.shown) }} />
        <SelectField name="commune" label={labels.commune} required value={values.commune} error={errors.commune} placeholder="Choisissez" options={communes.map((c) => ({ value: String(c.id), label: c.name }))} />
        <Field name="titre" label={labels.titre} required value={values.titre} error={errors.titre} hint="Par exemple : « Réservation de la salle des fêtes »." />
        <TextArea name="description" label={labels.description} value={values.description} error={errors.description} rows={3} />
        <FieldRows action="/agent/demarches/formulaires" rows={rows.shown} max={rows.max} values={values} errors={errors} />
        <PreviewButton action="/agent/demarches/formulaires" />{' '}
        <button class="button" type="submit">
          Créer le formulaire
        </button>
      </form>
      {preview ? <FormPreview form={preview} /> : null}
    </>
  );
}
