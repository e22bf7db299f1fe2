// An e-ticket as a one-page PDF to download or print: what it is for, and its QR code and code
// for the staff to check the child in. The standard Helvetica font covers French.
import PDFDocument from 'pdfkit';
import { pdfBytes } from '../pdf/pdf-bytes.ts';
import { qrModules } from './qr.ts';

export interface TicketFacts {
  code: string;
  product: string;
  prestation: string;
  child: string;
  /** The day in words, e.g. « mercredi 9 décembre 2026 ». */
  day: string;
  commune: string;
  orderNumber: string | null;
}

export function ticketPdf(ticket: TicketFacts): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `E-billet ${ticket.code}`, Author: 'Plateforme Citoyens' } });
  const done = pdfBytes(doc);

  doc.font('Helvetica-Bold').fontSize(20).text('E-billet');
  doc.moveDown(0.5).font('Helvetica').fontSize(12);
  const lines: [string, string][] = [
    ['Activité', `${ticket.product} – ${ticket.prestation}`],
    ['Enfant', ticket.child],
    ['Jour', ticket.day],
    ['Commune', ticket.commune],
    ...(ticket.orderNumber ? ([['Commande', ticket.orderNumber]] as [string, string][]) : []),
    ['Code', ticket.code],
  ];
  for (const [label, value] of lines) doc.font('Helvetica-Bold').text(`${label} : `, { continued: true }).font('Helvetica').text(value);

  const modules = qrModules(ticket.code);
  const size = 6;
  const left = doc.page.margins.left;
  const top = doc.y + 24;
  for (const [row, cells] of modules.entries()) {
    for (const [col, dark] of cells.entries()) if (dark) doc.rect(left + col * size, top + row * size, size, size).fill('#000000');
  }
  doc.fillColor('#000000').font('Helvetica').fontSize(10).text('Présentez ce billet (ou son code) à l’accueil : il est valable pour ce jour et cet enfant seulement.', left, top + modules.length * size + 24);
  doc.end();
  return done;
}
