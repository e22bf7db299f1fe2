// The supporting documents staff may require, to book a product or to subscribe to a service
// offer: one checkbox per type, in one fieldset.
import type { DocumentKind } from '../../../db/database.ts';
import { kindLabel } from './documents.tsx';
import { FieldError } from '../../forms/fields.tsx';

export const REQUIRABLE: DocumentKind[] = ['justificatif-domicile', 'attestation-caf', 'livret-famille', 'attestation-assurance'];

export function RequiredDocumentsFieldset({ legend, idPrefix, checked, error }: { legend: string; idPrefix: string; checked: readonly string[]; error?: string | undefined }) {
  return (
    <fieldset class={error ? 'field field--error' : 'field'}>
      <legend>{legend}</legend>
      <FieldError name={`${idPrefix}-pieces`} error={error} />
      {REQUIRABLE.map((kind) => (
        <div class="checkbox">
          <input type="checkbox" id={`${idPrefix}-${kind}`} name="pieces" value={kind} checked={checked.includes(kind)} />
          <label for={`${idPrefix}-${kind}`}>{kindLabel(kind)}</label>
        </div>
      ))}
    </fieldset>
  );
}
