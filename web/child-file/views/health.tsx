// The fiche sanitaire's form: allergies and diets, the PAI and its document, treatments, the DTP's
// last reminder and other vaccinations, the doctor and the health insurance.
import type { Dependant } from '../../../db/database.ts';
import { diets } from '../../../domain/child-file.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ErrorSummary, Field, FileField, Notice, TextArea } from '../../forms/fields.tsx';
import { childName, filePath } from '../child.ts';
import { Choices } from './choices.tsx';

const labels = {
  allergies: 'Allergies',
  diets: 'Régimes alimentaires',
  has_pai: 'PAI',
  pai_document: 'Document du PAI',
  treatments: 'Traitements',
  dtp_last_on: 'Dernier rappel DTP',
  vaccinations: 'Autres vaccinations',
  doctor_name: 'Médecin traitant',
  doctor_phone: 'Téléphone du médecin',
  insurance_name: 'Organisme d’assurance maladie',
  insurance_number: 'Numéro d’assuré',
  notes: 'Autres informations',
};

export function HealthFormPage(props: { child: Dependant; values: FormValues; chosenDiets: string[]; hasPaiDocument: boolean; errors?: FieldErrors | undefined }) {
  const { child, values, chosenDiets, hasPaiDocument, errors = {} } = props;
  const path = filePath(child);
  return (
    <>
      <p>
        <a href={path}>← Fiche de {childName(child)}</a>
      </p>
      <h1>Fiche sanitaire de {childName(child)}</h1>
      <p>Ces informations sont montrées aux équipes des accueils où l'enfant est inscrit, les jours de sa présence. Chaque enregistrement garde la version précédente.</p>
      <form method="post" action={`${path}/sante`} enctype="multipart/form-data" novalidate>
        <ErrorSummary errors={errors} labels={labels} />
        <TextArea name="allergies" label="Allergies (aliments, médicaments, piqûres…)" value={values.allergies} error={errors.allergies} />
        <Choices name="diets" legend="Régimes alimentaires" type="checkbox" options={diets} chosen={chosenDiets} error={errors.diets} hint="Un autre régime : précisez-le dans « Autres informations »." />
        <Choices
          name="has_pai"
          legend="L'enfant a-t-il un PAI (projet d'accueil individualisé) ?"
          type="radio"
          options={[{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }]}
          chosen={values.has_pai ? [values.has_pai] : []}
          error={errors.has_pai}
        />
        {hasPaiDocument ? <Notice>Le document du PAI déjà déposé est gardé, sauf si vous en choisissez un nouveau.</Notice> : null}
        <FileField name="pai_document" label="Document du PAI" hint="PDF, JPEG ou PNG, 10 Mo au maximum. Demandé si l'enfant a un PAI." accept="application/pdf,image/jpeg,image/png" required={false} error={errors.pai_document} />
        <TextArea name="treatments" label="Traitements en cours" value={values.treatments} error={errors.treatments} />
        <Field name="dtp_last_on" label="Date du dernier rappel DTP (diphtérie, tétanos, poliomyélite)" type="date" value={values.dtp_last_on} error={errors.dtp_last_on} hint="Elle figure dans le carnet de santé." />
        <TextArea name="vaccinations" label="Autres vaccinations" value={values.vaccinations} error={errors.vaccinations} />
        <Field name="doctor_name" label="Médecin traitant" value={values.doctor_name} error={errors.doctor_name} />
        <Field name="doctor_phone" label="Téléphone du médecin" type="tel" value={values.doctor_phone} error={errors.doctor_phone} hint="Exemple : 04 71 09 12 34" />
        <Field name="insurance_name" label="Organisme d’assurance maladie" value={values.insurance_name} error={errors.insurance_name} hint="Exemple : CPAM de la Haute-Loire, MSA" />
        <Field name="insurance_number" label="Numéro d’assuré" value={values.insurance_number} error={errors.insurance_number} />
        <TextArea name="notes" label="Autres informations (autre régime, recommandations…)" value={values.notes} error={errors.notes} />
        <button class="button" type="submit">
          Enregistrer la fiche sanitaire
        </button>
      </form>
    </>
  );
}
