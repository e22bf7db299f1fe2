// Staff: « Relevés mensuels » of a régie: a month's statement on screen with its PDF to sign, its
// CSV and its PES file, and what the régie's settings lack for the PES header.
import type { StaffRegie } from '../../../db/queries/regies/closing.ts';
import type { MonthStatement } from '../../../db/queries/regies/statement.ts';
import { formatLongDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import { closedDayGaps, formatMonth } from '../../../domain/regie-closing.ts';
import { METHOD_LABELS } from '../../../domain/regies.ts';
import { Notice } from '../../forms/fields.tsx';

function Links({ regie }: { regie: StaffRegie }) {
  return (
    <p>
      <a href="/agent/regies">← Régies</a> · <a href={`/agent/regies/${regie.id}/cloture`}>Clôture de la journée</a>
    </p>
  );
}

function AmountTable({ caption, rows, empty }: { caption: string; rows: { label: string; cents: number }[]; empty: string }) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Libellé</th>
          <th scope="col">Montant</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            <th scope="row">{row.label}</th>
            <td>{formatEuros(row.cents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StatementPage({ regie, statement, missing }: { regie: StaffRegie; statement: MonthStatement; missing: string[] }) {
  const month = statement.month;
  const query = `?mois=${month}`;
  return (
    <>
      <Links regie={regie} />
      <h1>Relevés mensuels – {regie.name}</h1>
      <form method="get" action={`/agent/regies/${regie.id}/releves`} class="form-inline">
        <div class="field">
          <label for="mois">Mois</label>
          <input id="mois" name="mois" type="month" value={month} />
        </div>
        <button class="button button--secondary" type="submit">
          Afficher
        </button>
      </form>
      <h2>{formatMonth(month)}</h2>
      <ul>
        <li>
          <a href={`/agent/regies/${regie.id}/releves/releve.pdf${query}`}>Relevé à signer (PDF)</a>
        </li>
        <li>
          <a href={`/agent/regies/${regie.id}/releves/releve.csv${query}`}>Relevé pour le tableur (CSV)</a>
        </li>
        <li>{missing.length === 0 ? <a href={`/agent/regies/${regie.id}/releves/pes.xml${query}`}>Fichier PES v2 des recettes pour Hélios (XML)</a> : 'Fichier PES v2 des recettes : paramètres de la régie incomplets'}</li>
      </ul>
      {missing.length > 0 ? (
        <Notice kind="warning">
          <p>
            Le fichier PES ne peut pas être produit : les paramètres de la régie n’indiquent pas {missing.join(', ')}. Un administrateur les renseigne dans les
            paramètres de la régie.
          </p>
        </Notice>
      ) : null}
      <AmountTable caption="Recettes par mode de paiement" rows={statement.receiptsByMethod.map((row) => ({ label: METHOD_LABELS[row.method], cents: row.cents }))} empty="Aucune recette ce mois-ci." />
      <AmountTable caption="Recettes par activité" rows={statement.receiptsByProduct} empty="Aucune recette par activité ce mois-ci." />
      <AmountTable caption="Remboursements par mode de paiement" rows={statement.refundsByMethod.map((row) => ({ label: METHOD_LABELS[row.method], cents: row.cents }))} empty="Aucun remboursement ce mois-ci." />
      <AmountTable
        caption="Totaux et porte-monnaie"
        rows={[
          { label: 'Total des recettes', cents: statement.receiptsCents },
          { label: 'Total des remboursements', cents: statement.refundsCents },
          { label: 'Recettes nettes', cents: statement.receiptsCents - statement.refundsCents },
          { label: 'Recettes des activités (titres du fichier PES)', cents: statement.productReceiptsCents },
          { label: `Solde des porte-monnaie à l’ouverture (${formatLongDate(statement.first)})`, cents: statement.walletOpeningCents },
          { label: `Solde des porte-monnaie à la clôture (${formatLongDate(statement.last)} au soir)`, cents: statement.walletClosingCents },
        ]}
        empty=""
      />
      <h2>Journées clôturées ce mois-ci</h2>
      {statement.closings.length === 0 ? (
        <p>Aucune journée clôturée ce mois-ci.</p>
      ) : (
        <ul>
          {statement.closings.map((closing) => (
            <li>
              {formatLongDate(closing.day)} : clôturée par {closing.closedBy}
              {closing.note ? ` (note : ${closing.note})` : ''}
              {closedDayGaps(closing.totals).map((gap) => (
                <>
                  <br />
                  Écart constaté : {gap}
                </>
              ))}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function WrongMonthPage({ regie }: { regie: StaffRegie }) {
  return (
    <>
      <Links regie={regie} />
      <h1>Mois invalide</h1>
      <Notice kind="warning">
        <p>Le mois demandé n’existe pas : indiquez-le sous la forme 2026-12.</p>
      </Notice>
      <p>
        <a href={`/agent/regies/${regie.id}/releves`}>Relevés du mois en cours</a>
      </p>
    </>
  );
}
