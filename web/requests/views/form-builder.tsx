// The fields of a démarche's form as staff build them, one row each (label, kind, answers of a
// choice, required), as many as it needs: the rows typed, a few empty ones, a button for one more
// (the page it brings opens at that row) and one to see the form as families will; each error next
// to its own field.
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { FIELD_KIND_LABELS, FIELD_KINDS } from '../../../domain/request-forms.ts';
import { ADD_ROW } from '../../forms/form-rows.ts';
import { Field, FieldError, SelectField } from '../../forms/fields.tsx';

/** The button that shows the form as families will see it, without saving it. */
export const PREVIEW = { name: 'apercu', value: 'voir' } as const;

/** The rows' fields in a form's error summary. */
export const rowLabels = (rows: number): Record<string, string> =>
  Object.fromEntries(
    Array.from({ length: rows }, (_, i) => [
      [`libelle_${i + 1}`, `Champ ${i + 1} : libellé`],
      [`type_${i + 1}`, `Champ ${i + 1} : type`],
      [`choix_${i + 1}`, `Champ ${i + 1} : réponses`],
    ]).flat(),
  );

export function FieldRows({ rows, max, values, errors, action }: { rows: number; max: number; values: FormValues; errors: FieldErrors; action: string }) {
  return (
    <fieldset id="champs" class={errors.champs ? 'field field--error' : 'field'} aria-describedby="champs-hint">
      <legend>Champs (au moins un)</legend>
      <p class="field__hint" id="champs-hint">
        Pour un champ « Choix », donnez les réponses possibles séparées par des points-virgules. Trois champs « Fichier » au plus. Les lignes laissées vides sont ignorées.
      </p>
      <FieldError name="champs" error={errors.champs} />
      {Array.from({ length: rows }, (_, i) => (
        <div class="inline-fields" id={`ligne-champ-${i + 1}`}>
          <Field name={`libelle_${i + 1}`} label={`Champ ${i + 1} : libellé`} value={values[`libelle_${i + 1}`]} error={errors[`libelle_${i + 1}`]} />
          <SelectField name={`type_${i + 1}`} label={`Champ ${i + 1} : type`} value={values[`type_${i + 1}`] ?? 'text'} error={errors[`type_${i + 1}`]} options={FIELD_KINDS.map((kind) => ({ value: kind, label: FIELD_KIND_LABELS[kind] }))} />
          <Field name={`choix_${i + 1}`} label={`Champ ${i + 1} : réponses (pour un choix)`} value={values[`choix_${i + 1}`]} error={errors[`choix_${i + 1}`]} />
          <div class="checkbox">
            <input type="checkbox" id={`obligatoire_${i + 1}`} name={`obligatoire_${i + 1}`} value="1" checked={values[`obligatoire_${i + 1}`] === '1'} />
            <label for={`obligatoire_${i + 1}`}>Champ {i + 1} obligatoire</label>
          </div>
        </div>
      ))}
      {rows < max ? (
        <button class="button button--secondary" type="submit" name={ADD_ROW.name} value={ADD_ROW.value} formaction={`${action}#ligne-champ-${rows + 1}`}>
          Ajouter un champ
        </button>
      ) : (
        <p class="field__hint">{max} champs au plus.</p>
      )}
    </fieldset>
  );
}

/** « Aperçu » beside the form's own button; the page it brings opens at the preview. */
export function PreviewButton({ action }: { action: string }) {
  return (
    <button class="button button--secondary" type="submit" name={PREVIEW.name} value={PREVIEW.value} formaction={`${action}#apercu`}>
      Aperçu pour les familles
    </button>
  );
}
