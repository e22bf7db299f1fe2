// The régie's journal for its staff: the filter (days, method, product), the entries with their
// numbers, what they pay and how, the totals per method, and what the families' wallets hold
// through the régie (money received before what it will pay: the commune's debt to them).
import { formatShortDate } from '../../../domain/dates.ts';
import { entryNumber } from '../../../domain/journal-numbers.ts';
import { formatEuros } from '../../../domain/money.ts';
import { KIND_LABELS, METHOD_LABELS, REGIE_METHODS } from '../../../domain/regies.ts';
import type { JournalRow, MethodTotal } from '../../../db/queries/regies/journal-read.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ErrorSummary, Field, SelectField } from '../../forms/fields.tsx';

export interface JournalPageProps {
  regie: { id: number; name: string };
  values: FormValues;
  errors: FieldErrors;
  products: { id: number; name: string }[];
  result: { rows: JournalRow[]; totals: MethodTotal[]; walletsHeldCents: number; to: string; exportQuery: string } | null;
}

/** A refund reads as money going out. */
export const signedCents = (row: Pick<JournalRow, 'series' | 'amountCents'>) => (row.series === 'refund' ? -row.amountCents : row.amountCents);

export function JournalPage({ regie, values, errors, products, result }: JournalPageProps) {
  return (
    <>
      <p>
        <a href={`/agent/regies/${regie.id}`}>← {regie.name}</a>
      </p>
      <h1>Journal – {regie.name}</h1>
      <form method="get" action={`/agent/regies/${regie.id}/journal`} novalidate>
        <ErrorSummary errors={errors} labels={{ du: 'Du', au: 'Au', moyen: 'Moyen de paiement', produit: 'Produit' }} />
        <Field name="du" label="Du" type="date" value={values.du} error={errors.du} />
        <Field name="au" label="Au (inclus)" type="date" value={values.au} error={errors.au} />
        <SelectField name="moyen" label="Moyen de paiement" options={REGIE_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))} value={values.moyen} error={errors.moyen} placeholder="Tous" />
        <SelectField name="produit" label="Produit" options={products.map((p) => ({ value: String(p.id), label: p.name }))} value={values.produit} error={errors.produit} placeholder="Tous" />
        <button class="button" type="submit">
          Afficher
        </button>
      </form>
      {result ? <JournalResult regieId={regie.id} result={result} /> : null}
    </>
  );
}

function JournalResult({ regieId, result }: { regieId: number; result: NonNullable<JournalPageProps['result']> }) {
  const { rows, totals, walletsHeldCents, to, exportQuery } = result;
  return (
    <>
      <p>
        <a href={`/agent/regies/${regieId}/journal/export?${exportQuery}`}>Télécharger ce journal (CSV)</a>
      </p>
      <h2>Totaux par moyen de paiement</h2>
      {totals.length === 0 ? <p>Aucune écriture pour ce filtre.</p> : null}
      {totals.length > 0 ? (
        <table>
          <caption class="visually-hidden">Totaux par moyen de paiement</caption>
          <thead>
            <tr>
              <th scope="col">Moyen</th>
              <th scope="col">Recettes</th>
              <th scope="col">Remboursements</th>
              <th scope="col">Net</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((t) => (
              <tr>
                <td>{METHOD_LABELS[t.method]}</td>
                <td>{formatEuros(t.receiptsCents)}</td>
                <td>{formatEuros(t.refundsCents)}</td>
                <td>{formatEuros(t.receiptsCents - t.refundsCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>
        <strong>Porte-monnaie des familles détenus par la régie au {formatShortDate(to)} : {formatEuros(walletsHeldCents)}</strong> (recettes perçues avant émission de titre : la commune les doit aux familles tant
        qu’elles ne les ont pas dépensés).
      </p>
      <h2>Écritures</h2>
      {rows.length === 0 ? (
        <p>Aucune écriture.</p>
      ) : (
        <div>
          <table>
            <caption class="visually-hidden">Écritures du journal</caption>
            <thead>
              <tr>
                <th scope="col">Numéro</th>
                <th scope="col">Jour</th>
                <th scope="col">Heure</th>
                <th scope="col">Nature</th>
                <th scope="col">Moyen</th>
                <th scope="col">Payeur</th>
                <th scope="col">Objet</th>
                <th scope="col">Référence</th>
                <th scope="col">Montant</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>
                    {row.series === 'receipt' && row.method !== 'wallet' ? (
                      <a href={`/agent/regies/${regieId}/recu?entree=${row.id}`} aria-label={`Reçu ${entryNumber(row.series, row.year, row.number)} (PDF)`}>
                        {entryNumber(row.series, row.year, row.number)}
                      </a>
                    ) : (
                      entryNumber(row.series, row.year, row.number)
                    )}
                  </td>
                  <td>{formatShortDate(row.day)}</td>
                  <td>{row.time}</td>
                  <td>{KIND_LABELS[row.kind]}</td>
                  <td>{METHOD_LABELS[row.method]}</td>
                  <td>{row.payer ?? '—'}</td>
                  <td>{purposeOf(row)}</td>
                  <td>{row.documentNumber ?? row.providerReference ?? '—'}</td>
                  <td>{formatEuros(signedCents(row))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** What an entry pays, in words: its product and order, else its label. */
export function purposeOf(row: Pick<JournalRow, 'product' | 'orderNumber' | 'label'>): string {
  if (row.product || row.orderNumber) return [row.product, row.orderNumber ? `commande ${row.orderNumber}` : null].filter(Boolean).join(', ');
  return row.label;
}
