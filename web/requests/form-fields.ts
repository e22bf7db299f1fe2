// The fields of an online request form as staff type them, one row each (label, kind, answers of a
// choice, required), as many as the démarche asks: read into the form's fields
// (domain/request-forms.ts), or refused with a message next to each wrong field of its row only.
import { FIELD_KINDS, MAX_REQUEST_FIELDS, type FieldKind, type RequestField } from '../../domain/request-forms.ts';
import { postedRows } from '../forms/form-rows.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';

/** The names of a row's fields, each followed by `_<row>`. */
export const FIELD_PREFIXES = ['libelle', 'type', 'choix', 'obligatoire'] as const;
/** A file field's answers travel with the family's post, whose size allows three. */
const MAX_FILE_FIELDS = 3;

export function requestFieldsFromForm(values: FormValues): { fields: RequestField[] } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const fields: RequestField[] = [];
  const labels = new Set<string>();
  let files = 0;
  for (const row of postedRows(values, FIELD_PREFIXES, MAX_REQUEST_FIELDS)) {
    const label = (values[`libelle_${row}`] ?? '').trim();
    const typedChoices = (values[`choix_${row}`] ?? '').trim();
    // A row without label nor answers is an empty row: its kind and box keep their defaults.
    if (!label && !typedChoices) continue;
    const kind = values[`type_${row}`] as FieldKind;
    const choices = [...new Set(typedChoices.split(';').map((c) => c.trim()).filter(Boolean))];
    if (!label) errors[`libelle_${row}`] = 'Donnez un libellé à ce champ, ou videz sa ligne.';
    else if (label.length < 2 || label.length > 120 || /[\u0000-\u001f\u007f]/.test(label)) errors[`libelle_${row}`] = 'Un libellé de 2 à 120 caractères.';
    else if (labels.has(label.toLowerCase())) errors[`libelle_${row}`] = 'Un autre champ porte déjà ce libellé.';
    labels.add(label.toLowerCase());
    if (!FIELD_KINDS.includes(kind)) errors[`type_${row}`] = 'Choisissez le type du champ.';
    else if (kind === 'file' && ++files > MAX_FILE_FIELDS) errors[`type_${row}`] = 'Trois champs « Fichier » au plus par formulaire.';
    if (kind === 'choice' && (choices.length < 2 || choices.length > 20 || choices.some((c) => c.length > 80 || /[\u0000-\u001f\u007f]/.test(c)))) {
      errors[`choix_${row}`] = 'De 2 à 20 réponses (80 caractères au plus chacune), séparées par des points-virgules.';
    }
    if (errors[`libelle_${row}`] || errors[`type_${row}`] || errors[`choix_${row}`]) continue;
    fields.push({ key: `champ_${row}`, label, kind, required: values[`obligatoire_${row}`] === '1', ...(kind === 'choice' ? { choices } : {}) });
  }
  if (Object.keys(errors).length > 0) return { errors };
  if (fields.length === 0) return { errors: { champs: 'Indiquez au moins un champ avec son libellé.' } };
  return { fields };
}

/** The form values that show stored fields again, one row each in their order. */
export function requestFieldsToForm(fields: RequestField[]): FormValues {
  const values: FormValues = {};
  fields.forEach((field, i) => {
    values[`libelle_${i + 1}`] = field.label;
    values[`type_${i + 1}`] = field.kind;
    if (field.choices) values[`choix_${i + 1}`] = field.choices.join(' ; ');
    if (field.required) values[`obligatoire_${i + 1}`] = '1';
  });
  return values;
}
