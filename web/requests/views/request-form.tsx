// A commune's online request form, as a family fills it in: each field with its label, its
// kind's input (a date, a list of choices, a file) and its error next to it; or, for a visitor,
// the form described and the way to sign in.
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import type { RequestField } from '../../../domain/request-forms.ts';
import { ErrorSummary, Field, FileField, SelectField, TextArea } from '../../forms/fields.tsx';

interface FormProps {
  form: { id: number; title: string; description: string; commune: string; fields: RequestField[] };
  signedIn: boolean;
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
}

export function RequestInput({ field, values, errors }: { field: RequestField; values: FormValues; errors: FieldErrors }) {
  const label = field.label;
  const common = { name: field.key, label, error: errors[field.key], required: field.required };
  if (field.kind === 'file') return <FileField name={field.key} label={label} required={field.required} hint="PDF, JPEG ou PNG, 10 Mo au plus." error={errors[field.key]} accept="application/pdf,image/jpeg,image/png" />;
  if (field.kind === 'choice') return <SelectField {...common} value={values[field.key]} placeholder="Choisissez" options={(field.choices ?? []).map((choice) => ({ value: choice, label: choice }))} />;
  if (field.kind === 'date') return <Field {...common} type="date" value={values[field.key]} />;
  return <TextArea {...common} value={values[field.key]} rows={3} />;
}

export function RequestFormPage({ form, signedIn, values = {}, errors = {} }: FormProps) {
  const labels = Object.fromEntries(form.fields.map((field) => [field.key, field.label]));
  return (
    <>
      <p>
        <a href="/categories/demarches-en-ligne">← Démarches en ligne</a>
      </p>
      <h1>{form.title}</h1>
      <p>Mairie de {form.commune}</p>
      {form.description ? <p>{form.description}</p> : null}
      {signedIn ? (
        <form method="post" action={`/demarches/${form.id}`} enctype="multipart/form-data" novalidate>
          <ErrorSummary errors={errors} labels={labels} />
          <p class="field__hint">Les champs marqués d'un astérisque (*) sont obligatoires.</p>
          {form.fields.map((field) => (
            <RequestInput field={field} values={values} errors={errors} />
          ))}
          <button class="button" type="submit">
            Envoyer ma demande
          </button>
        </form>
      ) : (
        <p>
          Pour déposer cette demande, connectez-vous ou créez votre compte : <a href={`/connexion?retour=${encodeURIComponent(`/demarches/${form.id}`)}`}>Connexion</a>
        </p>
      )}
    </>
  );
}
