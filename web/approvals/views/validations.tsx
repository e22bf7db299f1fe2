// The staff's validation queue and one account's review page.
import type { AccountStatusText } from '../../accounts/index.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ErrorSummary, StatusNotice, TextArea } from '../../forms/fields.tsx';
import { DocumentTable, type DocumentRow } from '../../documents/index.ts';

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
  values?: FormValues;
  errors?: FieldErrors;
}

export function AccountReviewPage({ account, status, open, canRequest, documents, values = {}, errors = {} }: ReviewProps) {
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
      <DocumentTable documents={documents} hrefPrefix="/agent/documents" />
      {open ? (
        <>
          <h2>Décision</h2>
          <ErrorSummary errors={errors} labels={{ reason: 'Motif du refus', message: 'Pièces demandées' }} />
          <div class="decisions">
            <form method="post" action={action}>
              <input type="hidden" name="action" value="approve" />
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
