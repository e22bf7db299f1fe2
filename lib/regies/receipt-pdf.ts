// A receipt of the régie as a one-page PDF: its number in the régie's journal, who paid what, how,
// when, and who took it at the counter. The standard Helvetica font covers French.
import PDFDocument from 'pdfkit';
import { pdfBytes } from '../pdf/pdf-bytes.ts';
import { drawWinAnsi } from './pdf-text.ts';

export interface ReceiptPaper {
  /** « R-2026-000012 ». */
  number: string;
  regie: string;
  payer: string;
  /** « 25,00 € ». */
  amount: string;
  method: string;
  /** What the money was for, in words. */
  purpose: string;
  documentNumber: string | null;
  providerReference: string | null;
  /** « mardi 8 décembre 2026 ». */
  day: string;
  /** The agent who took it at the counter; null for a payment made online. */
  agent: string | null;
}

export function receiptPdf(receipt: ReceiptPaper): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Reçu ${receipt.number}`, Author: receipt.regie } });
  drawWinAnsi(doc);
  const done = pdfBytes(doc);
  doc.font('Helvetica-Bold').fontSize(20).text(`Reçu n° ${receipt.number}`);
  doc.moveDown(0.3).font('Helvetica').fontSize(12).text(receipt.regie);
  doc.moveDown(1);
  const lines: [string, string][] = [
    ['Reçu de', receipt.payer],
    ['Montant', receipt.amount],
    ['Moyen de paiement', receipt.method],
    ...(receipt.documentNumber ? ([['Numéro du titre de paiement', receipt.documentNumber]] as [string, string][]) : []),
    ...(receipt.providerReference ? ([['Référence du paiement', receipt.providerReference]] as [string, string][]) : []),
    ['Objet', receipt.purpose],
    ['Date', receipt.day],
  ];
  for (const [label, value] of lines) doc.font('Helvetica-Bold').text(`${label} : `, { continued: true }).font('Helvetica').text(value);
  doc.moveDown(1.5);
  doc.text(receipt.agent ? `Reçu de l’agent : ${receipt.agent}, pour le régisseur de la régie.` : 'Paiement reçu en ligne par la régie.');
  doc.moveDown(0.5).fontSize(10).text('Ce reçu est extrait du journal de la régie, numéroté sans interruption. Conservez-le.');
  doc.end();
  return done;
}
