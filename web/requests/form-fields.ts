// The fields of a new online request form as staff type them, row by row, read into the form's
// fields (domain/request-forms.ts), or refused with one message for the whole list.
import { FIELD_KINDS, type FieldKind, type RequestField } from '../../domain/request-forms.ts';
import type { FormValues } from '../forms/forms.ts';
import { FIELD_ROWS } from './views/forms.tsx';

export function requestFieldsFromForm(values: FormValues): { fields: RequestField[] } | { error: string } {
  const fields: RequestField[] = [];
  for (let i = 1; i <= FIELD_ROWS; i += 1) {
    const label = (values[`libelle_${i}`] ?? '').trim();
    const choices = (values[`choix_${i}`] ?? '').split(';').map((c) => c.trim()).filter(Boolean);
    if (!label) continue;
    const kind = values[`type_${i}`] as FieldKind;
    if (!FIELD_KINDS.includes(kind)) return { error: `Choisissez le type du champ ${i}.` };
    if (label.length < 2 || label.length > 120 || /[\u0000-\u001f\u007f]/.test(label)) return { error: `Le libellé du champ ${i} a de 2 à 120 caractères.` };
    if (kind === 'choice' && (choices.length < 2 || choices.length > 20 || choices.some((c) => c.length > 80))) {
      return { error: `Le champ ${i} propose de 2 à 20 réponses (80 caractères au plus chacune), séparées par des points-virgules.` };
    }
    fields.push({ key: `champ_${i}`, label, kind, required: values[`obligatoire_${i}`] === '1', ...(kind === 'choice' ? { choices: [...new Set(choices)] } : {}) });
  }
  if (fields.length === 0) return { error: 'Indiquez au moins un champ avec son libellé.' };
  if (new Set(fields.map((f) => f.label.toLowerCase())).size !== fields.length) return { error: 'Deux champs portent le même libellé.' };
  if (fields.filter((f) => f.kind === 'file').length > 3) return { error: 'Trois champs « Fichier » au plus.' };
  return { fields };
}
