// The staff's validation queue and one account's review page.
import type { AccountStatusText } from '../../accounts/index.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ErrorSummary, FieldError, StatusNotice, TextArea } from '../../forms/fields.tsx';
import { DocumentTable, documentFieldName, kindLabel, type DocumentRow } from '../../documents/index.ts';
import { suggestedExpiry } from '../../../domain/document-validity.ts';
import type { IsoDate } from '../../../domain/dates.ts';

export interface PendingAccount {
  id: number;
  name: string;
  email: string;
  commune: string | null;
  waitingDays: number;
  documents: number;
}

const waiting = (days: number) => (days === 0 ? "aujourd'hui" : days === 1 ? '1 jour' : `${days} jours`);

export function ValidationQueuePage({ accounts }: { accounts: PendingAccount[] }) {
  return (
    <>
      <h1>Comptes en attente de validation</h1>
      {accounts.length === 0 ? (
        <p>Aucun compte n'attend de validation dans vos communes.</p>
      ) : (
        <table>
          <caption>{accounts.length === 1 ? '1 compte, le plus ancien en premier' : `${accounts.length} comptes, les plus anciens en premier`}</caption>
          <thead>
            <tr>
              <th scope="col">Usager</th>
              <th scope="col">Commune</th>
              <th scope="col">En attente depuis</th>
              <th scope="col">Pièces</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr>
                <td>
                  {account.name}
                  <br />
                  <span class="muted">{account.email}</span>
                </td>
                <td>{account.commune ?? '—'}</td>
                <td>{waiting(account.waitingDays)}</td>
                <td>{account.documents}</td>
                <td>
                  <a href={`/agent/validations/${account.id}`}>
                    Examiner<span class="visually-hidden"> le compte de {account.name}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export interface ReviewProps {
  account: { id: number; name: string; email: string; phone: string | null; commune: string | null; createdAt: string };
  status: AccountStatusText;
  open: boolean;
  canRequest: boolean;
  documents: DocumentRow[];
  /** The documents still waiting: each is decided in the form that validates the account. */
  toDecide: DocumentRow[];
  today: IsoDate;
  values?: FormValues;
  errors?: FieldErrors;
}

export function AccountReviewPage({ account, status, open, canRequest, documents, toDecide, today, values = {}, errors = {} }: ReviewProps) {
  const action = `/agent/validations/${account.id}`;
  return (
    <>
      <p>
        <a href="/agent/validations">← Comptes en attente</a>
      </p>
      <h1>Compte de {account.name}</h1>
      <StatusNotice status={status} />
      <dl class="details">
        <dt>Adresse e-mail</dt>
        <dd>{account.email}</dd>
        <dt>Téléphone</dt>
        <dd>{account.phone ?? '—'}</dd>
        <dt>Commune de résidence</dt>
        <dd>{account.commune ?? '—'}</dd>
        <dt>Compte créé le</dt>
        <dd>{account.createdAt}</dd>
      </dl>
      <h2>Pièces justificatives</h2>
      <DocumentTable documents={documents} hrefPrefix="/agent/documents" audience="staff" />
      {open ? (
        <>
          <h2>Décision</h2>
          <ErrorSummary errors={errors} labels={{ reason: 'Motif du refus', message: 'Pièces demandées', ...documentLabels(toDecide) }} />
          <div class="decisions">
            <form method="post" action={action} novalidate>
              <input type="hidden" name="action" value="approve" />
              {toDecide.length > 0 ? (
                <>
                  <p>{toDecide.length === 1 ? 'Une pièce attend votre décision : elle est enregistrée avec le compte.' : `${toDecide.length} pièces attendent votre décision : elles sont enregistrées avec le compte.`}</p>
                  {toDecide.map((document) => (
                    <DocumentDecisionFields document={document} today={today} values={values} errors={errors} />
                  ))}
                </>
              ) : null}
              <button class="button" type="submit">Valider le compte</button>
            </form>
            {canRequest ? (
              <form method="post" action={action} novalidate>
                <input type="hidden" name="action" value="request" />
                <TextArea name="message" label="Pièces demandées" required value={values.message} error={errors.message} />
                <button class="button button--secondary" type="submit">Demander des pièces</button>
              </form>
            ) : null}
            <form method="post" action={action} novalidate>
              <input type="hidden" name="action" value="reject" />
              <TextArea name="reason" label="Motif du refus" required value={values.reason} error={errors.reason} />
              <button class="button button--danger" type="submit">Refuser</button>
            </form>
          </div>
        </>
      ) : null}
    </>
  );
}

const documentLabels = (documents: DocumentRow[]) =>
  Object.fromEntries(
    documents.flatMap((document) => {
      const what = `${kindLabel(document.kind)} (${document.file_name})`;
      return [
        [documentFieldName('decision', document.id), what],
        [documentFieldName('expiration', document.id), `${what}, valable jusqu'au`],
        [documentFieldName('motif', document.id), `${what}, motif du refus`],
      ];
    }),
  );

/** One waiting document's decision inside the account's: accepted until a day (its type's usual validity offered) or refused. */
function DocumentDecisionFields({ document, today, values, errors }: { document: DocumentRow; today: IsoDate; values: FormValues; errors: FieldErrors }) {
  const name = (field: 'decision' | 'expiration' | 'motif') => documentFieldName(field, document.id);
  const decision = values[name('decision')] ?? 'accepter';
  return (
    <fieldset class="choice">
      <legend>
        {kindLabel(document.kind)} :{' '}
        <a href={`/agent/documents/${document.id}`} target="_blank" rel="noopener">
          {document.file_name}
        </a>
      </legend>
      <FieldError name={name('decision')} error={errors[name('decision')]} />
      <div class="radio">
        <input type="radio" id={name('decision')} name={name('decision')} value="accepter" checked={decision === 'accepter'} />
        <label for={name('decision')}>Acceptée</label>
      </div>
      <div class="radio">
        <input type="radio" id={`${name('decision')}-refuser`} name={name('decision')} value="refuser" checked={decision === 'refuser'} />
        <label for={`${name('decision')}-refuser`}>Refusée</label>
      </div>
      <div class="inline-fields">
        <div class={errors[name('expiration')] ? 'field field--error' : 'field'}>
          <label for={name('expiration')}>Valable jusqu'au (vide : sans fin)</label>
          <FieldError name={name('expiration')} error={errors[name('expiration')]} />
          <input id={name('expiration')} name={name('expiration')} type="date" value={values[name('expiration')] ?? suggestedExpiry(document.kind, today) ?? ''} />
        </div>
        <div class={errors[name('motif')] ? 'field field--error' : 'field'}>
          <label for={name('motif')}>Motif du refus (dit à la famille)</label>
          <FieldError name={name('motif')} error={errors[name('motif')]} />
          <input id={name('motif')} name={name('motif')} maxlength={200} value={values[name('motif')] ?? ''} />
        </div>
      </div>
    </fieldset>
  );
}
