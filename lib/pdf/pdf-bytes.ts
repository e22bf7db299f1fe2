// A pdfkit document's bytes, gathered as it writes them: what e-tickets, receipts and statements
// answer with. Listen before drawing, then end the document.
import type PDFDocument from 'pdfkit';

export function pdfBytes(doc: InstanceType<typeof PDFDocument>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}
