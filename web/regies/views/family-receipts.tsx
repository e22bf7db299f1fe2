// « Mes reçus »: the family's receipts from the régies, newest first, each a PDF to download.
import { formatShortDate } from '../../../domain/dates.ts';
import { entryNumber } from '../../../domain/journal-numbers.ts';
import { formatEuros } from '../../../domain/money.ts';
import { familyKindLabel, METHOD_LABELS, type JournalKind, type JournalSeries, type RegieMethod } from '../../../domain/regies.ts';

export interface FamilyReceipt {
  id: number;
  series: JournalSeries;
  year: number;
  number: number;
  day: string;
  kind: JournalKind;
  method: RegieMethod;
  amount_cents: number;
  regie: string;
}

export function FamilyReceiptsPage({ receipts }: { receipts: FamilyReceipt[] }) {
  return (
    <>
      <p>
        <a href="/mon-compte/porte-monnaie">← Mon porte-monnaie</a>
      </p>
      <h1>Mes reçus</h1>
      {receipts.length === 0 ? (
        <p>Aucun paiement reçu pour le moment.</p>
      ) : (
        <table class="stack">
          <caption class="visually-hidden">Reçus, du plus récent au plus ancien</caption>
          <thead>
            <tr>
              <th scope="col">Reçu</th>
              <th scope="col">Date</th>
              <th scope="col">Opération</th>
              <th scope="col">Montant</th>
            </tr>
          </thead>
          <tbody>
            {receipts.map((receipt) => (
              <tr>
                <td data-label="Reçu">
                  <a href={`/mon-compte/porte-monnaie/recus/${receipt.id}`}>{entryNumber(receipt.series, receipt.year, receipt.number)} (PDF)</a>
                </td>
                <td data-label="Date">{formatShortDate(receipt.day)}</td>
                <td data-label="Opération">
                  {familyKindLabel(receipt.kind)} – {METHOD_LABELS[receipt.method]}, {receipt.regie}
                </td>
                <td data-label="Montant">{formatEuros(receipt.amount_cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
