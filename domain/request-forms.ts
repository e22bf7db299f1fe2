// The form of an online request (démarche en ligne): its fields in order, each a text, a date, a
// choice among given options, or a file; and a family's answers checked against it, with the
// message each refused answer gets next to its field.
import { z } from 'zod';
import { isIsoDate } from './dates.ts';

export const FIELD_KINDS = ['text', 'date', 'choice', 'file'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const requestFieldSchema = z.object({
  /** The field's name in the family's form and in the stored answers: `champ_1`, `champ_2`… */
  key: z.string().regex(/^champ_\d{1,2}$/),
  label: z.string().min(2).max(120),
  kind: z.enum(FIELD_KINDS),
  required: z.boolean(),
  choices: z.array(z.string().min(1).max(80)).max(20).optional(),
});
export type RequestField = z.infer<typeof requestFieldSchema>;

/** A form holds as many fields as its démarche asks; the bound only keeps the keys' format (`champ_99`). */
export const MAX_REQUEST_FIELDS = 99;

export const requestFieldsSchema = z.array(requestFieldSchema).min(1).max(MAX_REQUEST_FIELDS);

/** A form's stored fields, or none when they do not parse (the form then cannot be submitted). */
export function readRequestFields(stored: unknown): RequestField[] {
  const parsed = requestFieldsSchema.safeParse(stored);
  return parsed.success ? parsed.data : [];
}

/** What a family typed, per field key; a file field's value is the id of the stored document. */
export type RequestAnswers = Record<string, string>;

export const MAX_TEXT_ANSWER = 2000;

/**
 * The answers to the text, date and choice fields, checked; file fields are checked by the caller
 * (their content) and only said missing here when required and absent from `files`.
 */
export function checkAnswers(fields: RequestField[], values: Record<string, string>, files: ReadonlySet<string>): { answers: RequestAnswers } | { errors: Record<string, string> } {
  const answers: RequestAnswers = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    if (field.kind === 'file') {
      if (field.required && !files.has(field.key)) errors[field.key] = `Joignez le fichier « ${field.label} ».`;
      continue;
    }
    const value = (values[field.key] ?? '').trim();
    if (value === '') {
      if (field.required) errors[field.key] = field.kind === 'choice' ? `Choisissez une réponse pour « ${field.label} ».` : `Renseignez « ${field.label} ».`;
      continue;
    }
    if (field.kind === 'text' && (value.length > MAX_TEXT_ANSWER || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value))) {
      errors[field.key] = `${MAX_TEXT_ANSWER.toLocaleString('fr-FR')} caractères au plus, sans caractère de contrôle.`;
    } else if (field.kind === 'date' && !isIsoDate(value)) {
      errors[field.key] = 'Indiquez une date valide, par exemple 2027-03-15.';
    } else if (field.kind === 'choice' && !(field.choices ?? []).includes(value)) {
      errors[field.key] = 'Choisissez une des réponses proposées.';
    } else {
      answers[field.key] = value;
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { answers };
}

export const FIELD_KIND_LABELS: Record<FieldKind, string> = { text: 'Texte', date: 'Date', choice: 'Choix', file: 'Fichier (PDF, JPEG, PNG)' };
