// Staff: a family's supporting documents, each with its state and the form to decide on it at any
// time: accepted until a day (its type's usual validity offered), or refused with a reason.
import { documentStatus, kindLabel, type DocumentRow } from './documents.tsx';
import { suggestedExpiry } from '../../../domain/document-validity.ts';
import { formatShortDate, parisDate, type IsoDate } from '../../../domain/dates.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { FieldError } from '../../forms/fields.tsx';

export interface ReviewForm {
  documentId: number;
  values: FormValues;
  errors: FieldErrors;
}

export function DocumentReviewTable({ documents, today, sent }: { documents: DocumentRow[]; today: IsoDate; sent?: ReviewForm | undefined }) {
  if (documents.length === 0) return <p>Aucune pièce déposée pour le moment.</p>;
  return (
    <ul class="cards" id="pieces">
      {documents.map((document) => {
        const form: { values: FormValues; errors: FieldErrors } = sent?.documentId === document.id ? sent : { values: {}, errors: {} };
        const id = (name: string) => `${name}-${document.id}`;
        const decision = form.values.decision ?? (document.status === 'refused' ? 'refuser' : 'accepter');
        return (
          <li class="card">
            <h3>{kindLabel(document.kind)}</h3>
            <p>
              <a href={`/agent/documents/${document.id}`} target="_blank" rel="noopener">
                {document.file_name}
              </a>
              , déposée le {formatShortDate(parisDate(document.uploaded_at))}. {documentStatus(document, 'staff')}.
            </p>
            <form method="post" action={`/agent/documents/${document.id}/decision`} novalidate>
              <fieldset class={form.errors.decision ? 'choice field--error' : 'choice'}>
                <legend>Décision sur cette pièce</legend>
                <FieldError name={id('decision')} error={form.errors.decision} />
                <div class="radio">
                  <input type="radio" id={id('accepter')} name="decision" value="accepter" checked={decision === 'accepter'} />
                  <label for={id('accepter')}>Acceptée</label>
                </div>
                <div class="radio">
                  <input type="radio" id={id('refuser')} name="decision" value="refuser" checked={decision === 'refuser'} />
                  <label for={id('refuser')}>Refusée</label>
                </div>
              </fieldset>
              <div class="inline-fields">
                <div class={form.errors.expiration ? 'field field--error' : 'field'}>
                  <label for={id('expiration')}>Valable jusqu'au (vide : sans fin)</label>
                  <FieldError name={id('expiration')} error={form.errors.expiration} />
                  <input id={id('expiration')} name="expiration" type="date" value={form.values.expiration ?? document.expires_on ?? suggestedExpiry(document.kind, today) ?? ''} />
                </div>
                <div class={form.errors.motif ? 'field field--error' : 'field'}>
                  <label for={id('motif')}>Motif du refus (dit à la famille)</label>
                  <FieldError name={id('motif')} error={form.errors.motif} />
                  <input id={id('motif')} name="motif" maxlength={200} value={form.values.motif ?? ''} />
                </div>
                <button class="button button--secondary" type="submit">
                  Enregistrer<span class="visually-hidden"> la décision sur {document.file_name}</span>
                </button>
              </div>
            </form>
          </li>
        );
      })}
    </ul>
  );
}

interface Waiting {
  id: number;
  kind: DocumentRow['kind'];
  file_name: string;
  uploaded_at: Date;
  familyId: number;
  email: string;
  first_name: string | null;
  last_name: string | null;
}

export function DocumentQueuePage({ documents }: { documents: Waiting[] }) {
  return (
    <>
      <h1>Pièces à examiner</h1>
      <p>Les pièces déposées par les familles de vos communes, les plus anciennes d'abord. Chacune se décide depuis la page de sa famille.</p>
      {documents.length === 0 ? (
        <p>Aucune pièce en attente.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Pièces en attente</caption>
          <thead>
            <tr>
              <th scope="col">Famille</th>
              <th scope="col">Pièce</th>
              <th scope="col">Déposée le</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((document) => (
              <tr>
                <td>
                  <a href={`/agent/familles/${document.familyId}#pieces`}>{[document.first_name, document.last_name].filter(Boolean).join(' ') || document.email}</a>
                </td>
                <td>
                  {kindLabel(document.kind)} : {document.file_name}
                </td>
                <td>{formatShortDate(parisDate(document.uploaded_at))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
