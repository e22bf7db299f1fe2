// « Mes démarches » in Mon compte: the family's requests with their state, and one request with
// its answers, the messages exchanged with the mairie and, when it asks for more, the reply form.
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import type { familyRequest, familyRequests } from '../../../db/queries/requests/online-requests.ts';
import { formatShortDate, parisDate } from '../../../domain/dates.ts';
import { ErrorSummary, FileField, Notice, TextArea } from '../../forms/fields.tsx';
import { RequestHeading, requestStatusWords, RequestStory } from './request-parts.tsx';

type Row = Awaited<ReturnType<typeof familyRequests>>[number];
type Detail = NonNullable<Awaited<ReturnType<typeof familyRequest>>>;

export function MyRequestsPage({ requests }: { requests: Row[] }) {
  return (
    <>
      <p>
        <a href="/mon-compte">← Mon compte</a>
      </p>
      <h1>Mes démarches</h1>
      {requests.length === 0 ? (
        <p>
          Aucune demande. Les formulaires des communes sont sous <a href="/categories/demarches-en-ligne">Démarches en ligne</a>.
        </p>
      ) : (
        <table class="stack">
          <caption class="visually-hidden">Mes demandes</caption>
          <thead>
            <tr>
              <th scope="col">N°</th>
              <th scope="col">Démarche</th>
              <th scope="col">Envoyée le</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr>
                <td data-label="N°">
                  <a href={`/mon-compte/demarches/${r.id}`}>{r.id}</a>
                </td>
                <td data-label="Démarche">
                  {r.title} – {r.commune}
                </td>
                <td data-label="Envoyée le">{formatShortDate(parisDate(r.created_at))}</td>
                <td data-label="État">{requestStatusWords[r.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

const labels = { message: 'Votre réponse', fichier: 'Pièce jointe' };

export function MyRequestPage(props: { request: Detail; message: string | null; values?: FormValues | undefined; errors?: FieldErrors | undefined }) {
  const { request, message, values = {}, errors = {} } = props;
  const fileHref = (id: number) => `/mon-compte/documents/${id}`;
  return (
    <>
      <RequestHeading back={{ href: '/mon-compte/demarches', label: 'Mes démarches' }} request={request} message={message} />
      {errors.etat ? <Notice kind="warning">{errors.etat}</Notice> : null}
      <p>
        Mairie de {request.commune}, envoyée le {formatShortDate(parisDate(request.created_at))}. État : <strong>{requestStatusWords[request.status]}</strong>
      </p>
      <RequestStory request={request} fileHref={fileHref} staffSide={false} />
      {request.status === 'documents-requested' ? (
        <>
          <h2>Répondre à la mairie</h2>
          <form method="post" action={`/mon-compte/demarches/${request.id}/reponse`} enctype="multipart/form-data" novalidate>
            <ErrorSummary errors={errors} labels={labels} />
            <TextArea name="message" label={labels.message} required value={values.message} error={errors.message} rows={4} />
            <FileField name="fichier" label={`${labels.fichier} (facultatif)`} required={false} hint="PDF, JPEG ou PNG, 10 Mo au plus." error={errors.fichier} accept="application/pdf,image/jpeg,image/png" />
            <button class="button" type="submit">
              Envoyer ma réponse
            </button>
          </form>
        </>
      ) : null}
    </>
  );
}
