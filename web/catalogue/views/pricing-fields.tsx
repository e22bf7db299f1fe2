// The pricing rules of a product, as fields: the quotient familial tiers, the price for families
// of other communes, the reductions for brothers and sisters booked the same day.
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { Field, FieldError } from '../../forms/fields.tsx';

export const QF_ROWS = 4;

/** The fields' names in a form's error summary. */
export const pricingFieldLabels = { qf: 'Tranches de quotient familial', hors_commune: 'Familles hors commune', fratrie_2: '2e enfant', fratrie_3: '3e enfant et suivants' };

export function PricingFields({ values, errors }: { values: FormValues; errors: FieldErrors }) {
  return (
    <>
      <fieldset id="qf" class={errors.qf ? 'field field--error' : 'field'} aria-describedby={errors.qf ? 'qf-error' : 'qf-hint'}>
        <legend>Tranches de quotient familial (facultatif)</legend>
        <p class="field__hint" id="qf-hint">
          Chaque tranche applique un taux au prix de la prestation, par exemple 50 % jusqu'à 600 € de quotient. La dernière tranche n'a pas de plafond ; une famille sans quotient connu paie la dernière.
        </p>
        <FieldError name="qf" error={errors.qf} />
        {Array.from({ length: QF_ROWS }, (_, i) => (
          <div class="inline-fields">
            <Field name={`qf_libelle_${i + 1}`} label={`Tranche ${i + 1} : libellé`} value={values[`qf_libelle_${i + 1}`]} />
            <Field name={`qf_plafond_${i + 1}`} label="Quotient jusqu'à (€)" value={values[`qf_plafond_${i + 1}`]} extra={{ inputmode: 'numeric' }} />
            <Field name={`qf_taux_${i + 1}`} label="Taux (%)" value={values[`qf_taux_${i + 1}`]} extra={{ inputmode: 'numeric' }} />
          </div>
        ))}
      </fieldset>
      <div class="inline-fields">
        <Field name="hors_commune" label="Familles hors commune : taux (%)" hint="Par exemple 120. Vide : même prix." value={values.hors_commune} error={errors.hors_commune} extra={{ inputmode: 'numeric' }} />
        <Field name="fratrie_2" label="2e enfant le même jour : réduction (%)" value={values.fratrie_2} error={errors.fratrie_2} extra={{ inputmode: 'numeric' }} />
        <Field name="fratrie_3" label="3e enfant et suivants : réduction (%)" value={values.fratrie_3} error={errors.fratrie_3} extra={{ inputmode: 'numeric' }} />
      </div>
    </>
  );
}
