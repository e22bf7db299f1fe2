// A staff decision on one supporting document, as its form sends it: accepted until a day (none:
// for good, never a day already over) or refused with the reason the family reads. One reading for
// the family page's form and for the documents decided with the account they support.
import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../../domain/dates.ts';
import { reviewDocument, type DocumentDecision } from '../../db/queries/documents/index.ts';
import type { AppDeps } from '../http/deps.ts';
import { validateForm, type FieldErrors, type FormValues } from '../forms/forms.ts';

export const documentDecisionSchema = (today: IsoDate) =>
  z
    .object({
      decision: z.enum(['accepter', 'refuser'], { error: 'Choisissez : acceptée ou refusée.' }),
      expiration: z
        .string()
        .optional()
        .transform((value) => value?.trim() ?? '')
        .refine((value) => value === '' || isIsoDate(value), 'Une date valide, ou rien pour une pièce sans fin.'),
      motif: z.string().optional().transform((value) => value?.trim() ?? ''),
    })
    .refine((data) => data.decision === 'refuser' || data.expiration === '' || data.expiration >= today, { message: 'Une pièce acceptée est valable au moins jusqu’à aujourd’hui.', path: ['expiration'] })
    .refine((data) => data.decision === 'accepter' || (data.motif.length >= 3 && data.motif.length <= 200), { message: 'Dites à la famille pourquoi la pièce est refusée (3 à 200 caractères).', path: ['motif'] });

export const toDocumentDecision = (data: z.infer<ReturnType<typeof documentDecisionSchema>>): DocumentDecision =>
  data.decision === 'accepter' ? { accepted: true, expiresOn: data.expiration || null } : { accepted: false, reason: data.motif };

/** The field names of one document's decision inside a form deciding several (`decision-12`…). */
export const documentFieldName = (field: 'decision' | 'expiration' | 'motif', documentId: number) => `${field}-${documentId}`;

/**
 * The decisions on these documents, each read from its own fields of the form; the errors keyed by
 * those fields when one is missing or wrong.
 */
export function readDocumentDecisions(documentIds: number[], values: FormValues, today: IsoDate): { ok: true; decisions: Map<number, DocumentDecision> } | { ok: false; errors: FieldErrors } {
  const decisions = new Map<number, DocumentDecision>();
  const errors: FieldErrors = {};
  for (const id of documentIds) {
    const fields = { decision: values[documentFieldName('decision', id)], expiration: values[documentFieldName('expiration', id)], motif: values[documentFieldName('motif', id)] };
    const read = validateForm(documentDecisionSchema(today), Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined)));
    if (read.ok) decisions.set(id, toDocumentDecision(read.data));
    else for (const [field, message] of Object.entries(read.errors)) errors[documentFieldName(field as 'decision', id)] = message;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, decisions };
}

/** The decision recorded (and audited); a document accepted until a day is watched until then. */
export async function decideDocument({ db, workflows }: Pick<AppDeps, 'db' | 'workflows'>, input: { documentId: number; decision: DocumentDecision; staffId: number; now: Date }) {
  const decided = await reviewDocument(db, input);
  if (decided.status === 'accepted' && decided.expires_on) await workflows.watchDocumentExpiry(decided.owner_id, decided.kind, { documentId: decided.id, expiresOn: decided.expires_on });
  return decided;
}
