// The fields of a product shared by its creation form and its fiche: category, name,
// description, how families book it, the booking and cancellation deadlines, the delays of an
// absence for illness, and how the waiting list offers a freed place.
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { categories } from '../../layout/categories.ts';
import { Field, FieldError, SelectField, TextArea } from '../../forms/fields.tsx';

export const productFieldLabels = {
  categorie: 'Catégorie', nom: 'Nom', description: 'Description', vente: 'Réservation', delai_jours: 'Réservation close (jours ouvrés avant)', delai_heure: 'Heure limite de réservation',
  annul_jours: 'Annulation close (jours ouvrés avant)', annul_heure: "Heure limite d'annulation",
  absence_heures: 'Absence pour maladie déclarable jusqu’à (heures après le jour)', certificat_jours: 'Délai du certificat médical (jours après la déclaration)',
  attente_heures: "Place libérée gardée pour la famille suivante (heures, avant le délai de réservation)", attente_residents: "Liste d'attente : les habitants de la commune d'abord",
};

export function ProductDetailFields({ values, errors }: { values: FormValues; errors: FieldErrors }) {
  const channel = values.vente ?? 'en-ligne';
  return (
    <>
      <SelectField name="categorie" label={productFieldLabels.categorie} required value={values.categorie} error={errors.categorie} placeholder="Choisissez" options={categories.map((c) => ({ value: c.slug, label: c.label }))} />
      <Field name="nom" label={productFieldLabels.nom} required value={values.nom} error={errors.nom} />
      <TextArea name="description" label={productFieldLabels.description} value={values.description} error={errors.description} rows={3} />
      <fieldset class={errors.vente ? 'field field--error' : 'field'}>
        <legend>{productFieldLabels.vente}</legend>
        <FieldError name="vente" error={errors.vente} />
        <div class="radio">
          <input type="radio" id="vente-en-ligne" name="vente" value="en-ligne" checked={channel !== 'mairie'} />
          <label for="vente-en-ligne">En ligne, par les familles</label>
        </div>
        <div class="radio">
          <input type="radio" id="vente-mairie" name="vente" value="mairie" checked={channel === 'mairie'} />
          <label for="vente-mairie">À la mairie seulement (la page dit où s'inscrire)</label>
        </div>
      </fieldset>
      <div class="inline-fields">
        <Field name="delai_jours" label={productFieldLabels.delai_jours} value={values.delai_jours ?? '2'} error={errors.delai_jours} extra={{ inputmode: 'numeric' }} />
        <Field name="delai_heure" label={`${productFieldLabels.delai_heure} (0 à 23 h)`} value={values.delai_heure ?? '12'} error={errors.delai_heure} extra={{ inputmode: 'numeric' }} />
        <Field name="annul_jours" label={productFieldLabels.annul_jours} value={values.annul_jours ?? '2'} error={errors.annul_jours} extra={{ inputmode: 'numeric' }} />
        <Field name="annul_heure" label={`${productFieldLabels.annul_heure} (0 à 23 h)`} value={values.annul_heure ?? '12'} error={errors.annul_heure} extra={{ inputmode: 'numeric' }} />
      </div>
      <div class="inline-fields">
        <Field name="absence_heures" label={productFieldLabels.absence_heures} value={values.absence_heures ?? '48'} error={errors.absence_heures} extra={{ inputmode: 'numeric' }} />
        <Field name="certificat_jours" label={productFieldLabels.certificat_jours} value={values.certificat_jours ?? '7'} error={errors.certificat_jours} extra={{ inputmode: 'numeric' }} />
      </div>
      <div class="inline-fields">
        <Field name="attente_heures" label={productFieldLabels.attente_heures} value={values.attente_heures ?? '12'} error={errors.attente_heures} extra={{ inputmode: 'numeric' }} />
        <div class={errors.attente_residents ? 'checkbox field--error' : 'checkbox'}>
          <FieldError name="attente_residents" error={errors.attente_residents} />
          <input type="checkbox" id="attente_residents" name="attente_residents" value="oui" checked={values.attente_residents === 'oui'} />
          <label for="attente_residents">{productFieldLabels.attente_residents}</label>
        </div>
      </div>
    </>
  );
}
