// Staff: one form of « Démarches en ligne »: its fields edited while no family has answered it,
// then only its title and presentation (its requests are read against the questions they
// answered); and, below, the form as families see it.
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import type { RequestField } from '../../../domain/request-forms.ts';
import { DefaultSubmit, ErrorSummary, Field, Notice, TextArea } from '../../forms/fields.tsx';
import { FieldRows, PreviewButton, rowLabels } from './form-builder.tsx';
import { FormPreview } from './form-preview.tsx';

const labels = { titre: 'Titre', description: 'Présentation', champs: 'Champs' };

export interface EditedForm {
  id: number;
  title: string;
  commune: string;
  published: boolean;
  answered: number;
  version: string;
}

export function RequestFormEditPage(props: {
  form: EditedForm;
  values: FormValues;
  errors: FieldErrors;
  rows: { shown: number; max: number };
  preview: { title: string; description: string; commune: string; fields: RequestField[] };
  message: string | null;
  warning?: string | undefined;
}) {
  const { form, values, errors, rows, preview, message, warning } = props;
  const action = `/agent/demarches/formulaires/${form.id}`;
  return (
    <>
      <p>
        <a href="/agent/demarches/formulaires">← Formulaires des démarches en ligne</a>
      </p>
      <h1>
        {form.title} – {form.commune}
      </h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {warning ? <Notice kind="warning">{warning}</Notice> : null}
      <p>
        {form.published ? 'Publié : les familles le trouvent sous « Démarches en ligne ».' : "Non publié : les familles ne le voient pas (publiez-le depuis la liste des formulaires)."}{' '}
        {form.answered > 0 ? <a href={`/agent/demarches?formulaire=${form.id}`}>{form.answered === 1 ? '1 demande reçue' : `${form.answered} demandes reçues`}</a> : 'Aucune demande reçue.'}
      </p>
      <h2>Modifier le formulaire</h2>
      {form.answered > 0 ? (
        <Notice kind="info">
          <p>
            Des familles ont déjà répondu à ce formulaire : ses champs ne changent plus, pour que chaque demande se lise avec les questions qu'elle a reçues. Son titre et sa présentation
            restent modifiables ; pour d'autres questions, créez un nouveau formulaire et retirez celui-ci.
          </p>
        </Notice>
      ) : null}
      <form method="post" action={action} novalidate>
        <DefaultSubmit label="Enregistrer le formulaire" />
        <ErrorSummary errors={errors} labels={{ ...labels, ...rowLabels(rows.shown) }} />
        <input type="hidden" name="version" value={form.version} />
        <Field name="titre" label={labels.titre} required value={values.titre} error={errors.titre} />
        <TextArea name="description" label={labels.description} value={values.description} error={errors.description} rows={3} />
        {form.answered > 0 ? null : <FieldRows action={action} rows={rows.shown} max={rows.max} values={values} errors={errors} />}
        <PreviewButton action={action} />{' '}
        <button class="button" type="submit">
          Enregistrer le formulaire
        </button>
      </form>
      <FormPreview form={preview} />
    </>
  );
}
