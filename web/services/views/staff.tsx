// Staff: the subscription requests of their communes, with the family's dependants and
// documents at hand, and a decision per request.
import { formatShortDate } from '../../../domain/dates.ts';
import { relationshipLabel } from '../../../domain/family.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ErrorSummary, TextArea } from '../../forms/fields.tsx';
import { kindLabel, documentStatus } from '../../documents/index.ts';
import type { DocumentKind, DocumentStatus } from '../../../db/database.ts';

export interface PendingRequest {
  id: number;
  offer: string;
  commune: string;
  requestedAt: string;
  family: { id: number; name: string; email: string; accountStatus: string };
  dependants: { first_name: string; last_name: string; birth_date: string; relationship: string }[];
  documents: { id: number; kind: DocumentKind; file_name: string; status: DocumentStatus; refusal_reason: string | null }[];
}

export function ServiceRequestsPage({ requests, errorsFor, values, errors }: { requests: PendingRequest[]; errorsFor?: number; values?: FormValues; errors?: FieldErrors }) {
  return (
    <>
      <h1>Demandes de services</h1>
      {requests.length === 0 ? <p>Aucune demande n'attend de décision dans vos communes.</p> : null}
      {requests.map((request) => (
        <article class="request" aria-labelledby={`request-${request.id}`}>
          <h2 id={`request-${request.id}`}>
            {request.offer} – {request.commune}
          </h2>
          <p>
            Demandé le {request.requestedAt} par <a href={`/agent/familles/${request.family.id}`}>{request.family.name}</a> ({request.family.email}, compte{' '}
            {request.family.accountStatus}).
          </p>
          <h3>Famille</h3>
          {request.dependants.length === 0 ? (
            <p>Aucune personne déclarée.</p>
          ) : (
            <ul>
              {request.dependants.map((d) => (
                <li>
                  {d.first_name} {d.last_name}, né(e) le {formatShortDate(d.birth_date)} ({relationshipLabel(d.relationship)})
                </li>
              ))}
            </ul>
          )}
          <h3>Pièces justificatives</h3>
          {request.documents.length === 0 ? (
            <p>Aucune pièce.</p>
          ) : (
            <ul>
              {request.documents.map((doc) => (
                <li>
                  <a href={`/agent/documents/${doc.id}`} target="_blank" rel="noopener">
                    {kindLabel(doc.kind)} – {doc.file_name}
                  </a>{' '}
                  ({documentStatus(doc, 'staff')})
                </li>
              ))}
            </ul>
          )}
          <div class="decisions">
            <form method="post" action={`/agent/services/${request.id}`}>
              <input type="hidden" name="action" value="approve" />
              <button class="button" type="submit">
                Valider<span class="visually-hidden"> la demande {request.offer} de {request.family.name}</span>
              </button>
            </form>
            <form method="post" action={`/agent/services/${request.id}`} novalidate>
              <input type="hidden" name="action" value="reject" />
              {errorsFor === request.id ? <ErrorSummary errors={errors ?? {}} labels={{}} /> : null}
              <TextArea
                name="reason"
                id={`reason-${request.id}`}
                label={`Motif du refus (${request.family.name})`}
                required
                value={errorsFor === request.id ? values?.reason : undefined}
                error={errorsFor === request.id ? errors?.reason : undefined}
              />
              <button class="button button--danger" type="submit">
                Refuser<span class="visually-hidden"> la demande {request.offer} de {request.family.name}</span>
              </button>
            </form>
          </div>
        </article>
      ))}
    </>
  );
}
