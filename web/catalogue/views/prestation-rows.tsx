// The prestations of a new product, one row each (label, price), as many as staff need: the rows
// typed, a few empty ones, and a button that shows the form again with one more, opened at that
// row rather than at the top of the page.
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ADD_ROW } from '../../forms/form-rows.ts';
import { Field, FieldError } from '../../forms/fields.tsx';

export function PrestationRows({ rows, values, errors, max, action }: { rows: number; values: FormValues; errors: FieldErrors; max: number; action: string }) {
  return (
    <fieldset id="prestations" class={errors.prestations ? 'field field--error' : 'field'} aria-describedby="prestations-hint">
      <legend>Prestations (au moins une : libellé et prix en euros)</legend>
      <p class="field__hint" id="prestations-hint">
        Par exemple « Matin » à 7,90 €, « Matin + Repas »… Les lignes laissées vides sont ignorées.
      </p>
      <FieldError name="prestations" error={errors.prestations} />
      {Array.from({ length: rows }, (_, i) => (
        <div class="inline-fields" id={`ligne-prestation-${i + 1}`}>
          <Field name={`libelle_${i + 1}`} label={`Prestation ${i + 1}`} value={values[`libelle_${i + 1}`]} error={errors[`libelle_${i + 1}`]} />
          <Field name={`prix_${i + 1}`} label={`Prix ${i + 1} (€)`} value={values[`prix_${i + 1}`]} error={errors[`prix_${i + 1}`]} extra={{ inputmode: 'decimal' }} />
        </div>
      ))}
      {rows < max ? (
        <button class="button button--secondary" type="submit" name={ADD_ROW.name} value={ADD_ROW.value} formaction={`${action}#ligne-prestation-${rows + 1}`}>
          Ajouter une prestation
        </button>
      ) : (
        <p class="field__hint">{max} prestations au plus.</p>
      )}
    </fieldset>
  );
}
