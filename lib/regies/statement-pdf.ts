// The monthly statement as an A4 PDF the régisseur signs and hands to the public accountant: the
// month's receipts per method and per activity, refunds per method, totals, the wallets' balance
// at the month's start and end (money received before its titles, compte 4713), the days closed
// and by whom, and the signature block. The standard Helvetica font covers French.
import PDFDocument from 'pdfkit';
import { pdfBytes } from '../pdf/pdf-bytes.ts';
import { drawWinAnsi } from './pdf-text.ts';
import { formatLongDate } from '../../domain/dates.ts';
import { formatEuros } from '../../domain/money.ts';
import { closedDayGaps, formatMonth } from '../../domain/regie-closing.ts';
import { METHOD_LABELS } from '../../domain/regies.ts';
import type { StatementFacts } from './statement-facts.ts';

export function statementPdf(facts: StatementFacts, madeOn: string): Promise<Uint8Array> {
  const title = `Relevé mensuel de ${facts.regie.name}, ${formatMonth(facts.month)}`;
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Author: 'Plateforme Citoyens' } });
  drawWinAnsi(doc);
  const done = pdfBytes(doc);
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text, left).moveDown(0.2).font('Helvetica').fontSize(11);
  const amountLine = (label: string, cents: number, bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').text(label, left, y, { width: width - 120 });
    const after = doc.y;
    doc.text(formatEuros(cents), left + width - 120, y, { width: 120, align: 'right' });
    doc.y = Math.max(after, doc.y);
    doc.font('Helvetica');
  };
  const none = (text: string) => doc.font('Helvetica-Oblique').text(text, left).font('Helvetica');

  doc.font('Helvetica-Bold').fontSize(18).text('Relevé mensuel de la régie de recettes');
  doc.moveDown(0.3).font('Helvetica').fontSize(12);
  doc.text(`Régie : ${facts.regie.name}`);
  doc.text(`Mois : ${formatMonth(facts.month)} (du ${formatLongDate(facts.first)} au ${formatLongDate(facts.last)})`);
  doc.text(`Établi le ${formatLongDate(madeOn)}`);

  heading('Recettes par mode de paiement');
  if (facts.receiptsByMethod.length === 0) none('Aucune recette ce mois-ci.');
  for (const row of facts.receiptsByMethod) amountLine(METHOD_LABELS[row.method], row.cents);

  heading('Recettes par activité');
  if (facts.receiptsByProduct.length === 0) none('Aucune recette ce mois-ci.');
  for (const row of facts.receiptsByProduct) amountLine(row.label, row.cents);

  heading('Remboursements par mode de paiement');
  if (facts.refundsByMethod.length === 0) none('Aucun remboursement ce mois-ci.');
  for (const row of facts.refundsByMethod) amountLine(METHOD_LABELS[row.method], row.cents);

  heading('Totaux');
  amountLine('Total des recettes', facts.receiptsCents, true);
  amountLine('Total des remboursements', facts.refundsCents, true);
  amountLine('Recettes nettes', facts.receiptsCents - facts.refundsCents, true);
  amountLine('Recettes des activités (titres du fichier PES)', facts.productReceiptsCents);

  heading('Porte-monnaie des familles (recettes perçues avant émission de titre)');
  amountLine(`Solde à l’ouverture du mois (${formatLongDate(facts.first)})`, facts.walletOpeningCents);
  amountLine(`Solde à la clôture du mois (${formatLongDate(facts.last)} au soir)`, facts.walletClosingCents);

  heading('Journées clôturées');
  if (facts.closings.length === 0) none('Aucune journée clôturée ce mois-ci.');
  for (const closing of facts.closings) {
    doc.text(`${formatLongDate(closing.day)} : clôturée par ${closing.closedBy}${closing.note ? ` (note : ${closing.note})` : ''}`, left, doc.y, { width });
    for (const gap of closedDayGaps(closing.totals)) doc.text(`Écart constaté : ${gap}`, left + 16, doc.y, { width: width - 16 });
  }

  doc.moveDown(2);
  if (doc.y > doc.page.height - doc.page.margins.bottom - 110) doc.addPage();
  const top = doc.y;
  doc.font('Helvetica-Bold').text('Le régisseur', left + width / 2, top);
  doc.font('Helvetica').text('Date, nom et signature :', left + width / 2, doc.y + 4);
  doc.rect(left + width / 2, doc.y + 6, width / 2, 70).stroke('#000000');
  doc.end();
  return done;
}
