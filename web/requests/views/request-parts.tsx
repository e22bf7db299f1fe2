// The parts of an online request both its family and staff see: its state in words, the answers
// given to the form's fields (a file as a link to open it), and the messages written on it.
import type { OnlineRequestStatus } from '../../../db/request-tables.ts';
import { formatShortDate, parisDate, type IsoDate } from '../../../domain/dates.ts';
import type { RequestField } from '../../../domain/request-forms.ts';
import { Notice } from '../../forms/fields.tsx';

export const requestStatusWords: Record<OnlineRequestStatus, string> = {
  'waiting-staff': 'En attente de la mairie',
  'documents-requested': 'Complément demandé',
  approved: 'Acceptée',
  refused: 'Refusée',
};

/** A request's page top: the way back, its number and title, and the flash message. */
export function RequestHeading({ back, request, message }: { back: { href: string; label: string }; request: { id: number; title: string }; message: string | null }) {
  return (
    <>
      <p>
        <a href={back.href}>← {back.label}</a>
      </p>
      <h1>
        Demande n° {request.id} : {request.title}
      </h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
    </>
  );
}

/** The answers given to the form, then the messages written on the request. */
export function RequestStory(props: {
  request: { fields: RequestField[]; answers: Record<string, string>; files: { id: number; file_name: string }[]; messages: Message[] };
  fileHref: (id: number) => string;
  staffSide: boolean;
}) {
  const { request, fileHref, staffSide } = props;
  return (
    <>
      <h2>{staffSide ? 'Réponses' : 'Vos réponses'}</h2>
      <RequestAnswers fields={request.fields} answers={request.answers} files={request.files} fileHref={fileHref} />
      <h2>Messages</h2>
      <RequestThread messages={request.messages} fileHref={fileHref} staffSide={staffSide} />
    </>
  );
}

function RequestAnswers(props: { fields: RequestField[]; answers: Record<string, string>; files: { id: number; file_name: string }[]; fileHref: (id: number) => string }) {
  const { fields, answers, files, fileHref } = props;
  return (
    <dl class="answers">
      {fields.map((field) => {
        const value = answers[field.key];
        const file = field.kind === 'file' && value ? files.find((f) => String(f.id) === value) : undefined;
        return (
          <>
            <dt>{field.label}</dt>
            <dd>{file ? <a href={fileHref(file.id)}>{file.file_name}</a> : value ? (field.kind === 'date' ? formatShortDate(value as IsoDate) : value) : <em>sans réponse</em>}</dd>
          </>
        );
      })}
    </dl>
  );
}

interface Message {
  id: number;
  from_staff: boolean;
  body: string;
  created_at: Date;
  document_id: number | null;
  file_name: string | null;
}

function RequestThread({ messages, fileHref, staffSide }: { messages: Message[]; fileHref: (id: number) => string; staffSide: boolean }) {
  if (messages.length === 0) return <p>Aucun message pour l'instant.</p>;
  return (
    <ol class="thread">
      {messages.map((message) => (
        <li>
          <p>
            <strong>{message.from_staff ? 'La mairie' : staffSide ? 'La famille' : 'Vous'}</strong>, le {formatShortDate(parisDate(message.created_at))} :
          </p>
          <p>{message.body}</p>
          {message.document_id && message.file_name ? (
            <p>
              Pièce jointe : <a href={fileHref(message.document_id)}>{message.file_name}</a>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
