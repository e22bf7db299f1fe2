// Staff: the RGPD erasure requests of their communes. A request waits on them only when the
// family's wallet keeps a balance: they transfer it to the IBAN shown, then record the transfer's
// reference here, and the erasure goes on.
import { friendlyFormatIBAN } from 'ibantools';
import type { ErasureRow } from '../../../db/queries/personal-data/erasure.ts';
import { formatLongDate, parisDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { FieldError, Notice } from '../../forms/fields.tsx';

export interface TransferForm {
  requestId: number;
  values: FormValues;
  errors: FieldErrors;
}

const family = (row: ErasureRow) => (row.status === 'done' ? 'Compte effacé' : [row.first_name, row.last_name].filter(Boolean).join(' ') || row.email);

function Status({ row }: { row: ErasureRow }) {
  if (row.status === 'done') return <>Effacée le {formatLongDate(parisDate(row.completed_at!))}</>;
  if (row.status === 'in-progress') return <>En cours (annulations, puis effacement)</>;
  return (
    <>
      Virement à faire : <strong>{formatEuros(row.wallet_cents ?? 0)}</strong>
      {row.iban ? <> sur l’IBAN {friendlyFormatIBAN(row.iban)}</> : <> (la famille n’a pas donné d’IBAN : contactez-la à {row.email})</>}
    </>
  );
}

function TransferFormFields({ row, form }: { row: ErasureRow; form: TransferForm | undefined }) {
  const errors = form?.requestId === row.id ? form.errors : {};
  const values = form?.requestId === row.id ? form.values : {};
  const id = `reference-${row.id}`;
  return (
    <form method="post" action={`/agent/effacements/${row.id}/virement`} novalidate>
      <input type="hidden" name="montant" value={String(row.wallet_cents ?? 0)} />
      <div class={errors.reference ? 'field field--error' : 'field'}>
        <label for={id}>Référence du virement de {formatEuros(row.wallet_cents ?? 0)}</label>
        <FieldError name={id} error={errors.reference} />
        <input id={id} name="reference" type="text" required value={values.reference} autocomplete="off" aria-invalid={errors.reference ? 'true' : undefined} aria-describedby={errors.reference ? `${id}-error` : undefined} />
      </div>
      <button class="button" type="submit">
        Enregistrer le virement
      </button>
    </form>
  );
}

export function ErasuresPage({ rows, form, message }: { rows: ErasureRow[]; form?: TransferForm; message?: string | null }) {
  return (
    <>
      <h1>Demandes d’effacement (RGPD)</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <p>
        Une famille qui demande l’effacement de ses données voit son compte fermé, ses réservations à venir annulées et remboursées sur son porte-monnaie. S’il reste un solde, remboursez-le par
        virement puis enregistrez sa référence : les données sont alors effacées. Les commandes et paiements restent, rendus anonymes.
      </p>
      {rows.length === 0 ? (
        <p>Aucune demande.</p>
      ) : (
        <table>
          <caption>Demandes de vos communes, les plus récentes d’abord</caption>
          <thead>
            <tr>
              <th scope="col">Famille</th>
              <th scope="col">Demandée le</th>
              <th scope="col">État</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <td>{family(row)}</td>
                <td>{formatLongDate(parisDate(row.requested_at))}</td>
                <td>
                  <Status row={row} />
                  {row.wallet_reference ? <p>Virement {row.wallet_reference} de {formatEuros(row.wallet_cents ?? 0)} enregistré.</p> : null}
                </td>
                <td>{row.status === 'awaiting-wallet-return' ? <TransferFormFields row={row} form={form} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
