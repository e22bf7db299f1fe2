// Staff: the online requests of their communes' forms, those waiting for them first; a request's
// answers and messages, and the answer to give: accept, refuse or ask for more, with a message.
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import type { OnlineRequestStatus } from '../../../db/request-tables.ts';
import type { staffRequest } from '../../../db/queries/requests/online-requests.ts';
import { formatShortDate, parisDate } from '../../../domain/dates.ts';
import { ErrorSummary, FieldError, TextArea } from '../../forms/fields.tsx';
import { RequestHeading, requestStatusWords, RequestStory } from './request-parts.tsx';

interface QueueRow {
  id: number;
  title: string;
  commune: string;
  status: OnlineRequestStatus;
  created_at: Date;
  email: string;
  first_name: string | null;
  last_name: string | null;
}

const family = (row: { first_name: string | null; last_name: string | null; email: string }) => [row.first_name, row.last_name].filter(Boolean).join(' ') || row.email;

export function RequestQueuePage({ requests, status }: { requests: QueueRow[]; status: OnlineRequestStatus | 'all' }) {
  return (
    <>
      <h1>Démarches en ligne : demandes reçues</h1>
      <p>
        <a href="/agent/demarches/formulaires">Formulaires : créer, publier</a>
      </p>
      <form method="get" action="/agent/demarches" class="search-form">
        <label for="etat">Demandes</label>
        <select id="etat" name="etat">
          {(['waiting-staff', 'documents-requested', 'approved', 'refused'] as const).map((value) => (
            <option value={value} selected={status === value}>
              {requestStatusWords[value]}
            </option>
          ))}
          <option value="toutes" selected={status === 'all'}>
            Toutes
          </option>
        </select>
        <button class="button button--secondary" type="submit">
          Afficher
        </button>
      </form>
      {requests.length === 0 ? (
        <p>Aucune demande.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Demandes</caption>
          <thead>
            <tr>
              <th scope="col">N°</th>
              <th scope="col">Démarche</th>
              <th scope="col">Famille</th>
              <th scope="col">Reçue le</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr>
                <td>
                  <a href={`/agent/demarches/${r.id}`}>{r.id}</a>
                </td>
                <td>
                  {r.title} – {r.commune}
                </td>
                <td>{family(r)}</td>
                <td>{formatShortDate(parisDate(r.created_at))}</td>
                <td>{requestStatusWords[r.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

type Detail = NonNullable<Awaited<ReturnType<typeof staffRequest>>>;

const labels = { decision: 'Réponse', message: 'Message à la famille' };

export function RequestDetailPage(props: { request: Detail; temporalUi: string; message: string | null; values?: FormValues | undefined; errors?: FieldErrors | undefined }) {
  const { request, temporalUi, message, values = {}, errors = {} } = props;
  const fileHref = (id: number) => `/agent/demarches/pieces/${id}`;
  const open = request.status === 'waiting-staff';
  return (
    <>
      <RequestHeading back={{ href: '/agent/demarches', label: 'Demandes reçues' }} request={request} message={message} />
      <ul>
        <li>
          Famille : {family(request)} ({request.email})
        </li>
        <li>Commune : {request.commune}</li>
        <li>Reçue le {formatShortDate(parisDate(request.created_at))}</li>
        <li>État : {requestStatusWords[request.status]}</li>
        <li>
          <a href={`${temporalUi}/namespaces/default/workflows/request-${request.id}`}>Le processus request-{request.id} dans Temporal</a>
        </li>
      </ul>
      <RequestStory request={request} fileHref={fileHref} staffSide />
      {open ? (
        <>
          <h2>Répondre</h2>
          <form method="post" action={`/agent/demarches/${request.id}/decision`} novalidate>
            <ErrorSummary errors={errors} labels={labels} />
            <fieldset class={errors.decision ? 'field field--error' : 'field'}>
              <legend>{labels.decision}</legend>
              <FieldError name="decision" error={errors.decision} />
              {(
                [
                  ['accepter', 'Accepter (le message est facultatif)'],
                  ['completer', 'Demander un complément (dites lequel)'],
                  ['refuser', 'Refuser (dites pourquoi)'],
                ] as const
              ).map(([value, label]) => (
                <div class="radio">
                  <input type="radio" id={`decision-${value}`} name="decision" value={value} checked={values.decision === value} />
                  <label for={`decision-${value}`}>{label}</label>
                </div>
              ))}
            </fieldset>
            <TextArea name="message" label={labels.message} value={values.message} error={errors.message} rows={4} />
            <button class="button" type="submit">
              Envoyer la réponse
            </button>
          </form>
        </>
      ) : (
        <p>{request.status === 'documents-requested' ? 'La famille doit répondre à votre demande de complément ; elle est relancée après 7 jours.' : 'Cette demande est close.'}</p>
      )}
    </>
  );
}
