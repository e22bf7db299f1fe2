// The monthly statement as a CSV for the treasury's spreadsheet: one line per figure, the same
// figures as the PDF the régisseur signs, in cents and in euros.
import { formatLongDate } from '../../domain/dates.ts';
import { formatEuros } from '../../domain/money.ts';
import { closedDayGaps, formatMonth } from '../../domain/regie-closing.ts';
import { METHOD_LABELS } from '../../domain/regies.ts';
import { toCsv } from '../csv.ts';
import type { StatementFacts } from './statement-facts.ts';

export function statementCsv(facts: StatementFacts): string {
  const rows: (string | number | null)[][] = [];
  const line = (section: string, label: string, cents: number) => rows.push([facts.regie.name, formatMonth(facts.month), section, label, cents, formatEuros(cents)]);
  for (const row of facts.receiptsByMethod) line('Recettes par mode de paiement', METHOD_LABELS[row.method], row.cents);
  for (const row of facts.receiptsByProduct) line('Recettes par activité', row.label, row.cents);
  for (const row of facts.refundsByMethod) line('Remboursements par mode de paiement', METHOD_LABELS[row.method], row.cents);
  line('Totaux', 'Total des recettes', facts.receiptsCents);
  line('Totaux', 'Total des remboursements', facts.refundsCents);
  line('Totaux', 'Recettes nettes', facts.receiptsCents - facts.refundsCents);
  line('Totaux', 'Recettes des activités (titres du fichier PES)', facts.productReceiptsCents);
  line('Porte-monnaie', `Solde des porte-monnaie au ${formatLongDate(facts.first)} (ouverture)`, facts.walletOpeningCents);
  line('Porte-monnaie', `Solde des porte-monnaie au ${formatLongDate(facts.last)} au soir (clôture)`, facts.walletClosingCents);
  for (const closing of facts.closings) rows.push([facts.regie.name, formatMonth(facts.month), 'Journées clôturées', [`${formatLongDate(closing.day)} par ${closing.closedBy}`, ...closedDayGaps(closing.totals).map((gap) => `écart constaté : ${gap}`)].join(' ; '), null, closing.note]);
  return toCsv(['Régie', 'Mois', 'Rubrique', 'Libellé', 'Montant (centimes)', 'Montant'], rows);
}
