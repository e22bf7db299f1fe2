import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { statementPdf } from './statement-pdf.ts';
import { receiptPdf } from './receipt-pdf.ts';
import { winAnsi } from './pdf-text.ts';

/** What a PDF's pages draw (kerning's pieces joined), decoded from pdfkit's hex strings as WinAnsi bytes. */
function drawnBytes(pdf: Uint8Array): string {
  const buffer = Buffer.from(pdf);
  const raw = buffer.toString('latin1');
  const drawn: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    let content: string;
    try {
      content = inflateSync(buffer.subarray(start, raw.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue;
    }
    for (const hex of content.matchAll(/<([0-9a-f]+)>/g)) drawn.push(Buffer.from(hex[1]!, 'hex').toString('latin1'));
  }
  return drawn.join('');
}

describe('the régies’ PDFs', () => {
  it('keep French text and turn the characters their font lacks into the nearest it has', () => {
    expect(winAnsi('1\u202f234,50\u00a0€ – « reçu » œuvre')).toBe('1\u00a0234,50\u00a0€ – « reçu » œuvre');
    expect(winAnsi('Łukasz Ștefan 😀')).toBe('Lukasz Stefan ?');
  });

  it('draw an amount of thousands as « 1 234,50 € », the statement and the receipt alike', async () => {
    const statement = await statementPdf(
      {
        regie: { id: 1, name: 'Régie de recettes de Rosières' }, month: '2026-11', first: '2026-11-01', last: '2026-11-30',
        receiptsByMethod: [{ method: 'cheque', cents: 123450 }], receiptsByProduct: [{ productId: 1, label: 'Accueil du mercredi', cents: 123450 }], refundsByMethod: [],
        receiptsCents: 123450, refundsCents: 0, productReceiptsCents: 123450, walletOpeningCents: 0, walletClosingCents: 0, closings: [{ day: '2026-11-30', closedBy: 'Łucja Nowak', note: 'Un chèque rendu.', totals: { cheque: { journalCents: 123450, checkedCents: 122950 } } }],
      },
      '2026-12-01',
    );
    const receipt = await receiptPdf({ number: 'R-2026-000001', regie: 'Régie de recettes de Rosières', payer: 'Famille Martin', amount: '1\u202f234,50\u00a0€', method: 'Chèque', purpose: 'Recharge du porte-monnaie', documentNumber: '1234567', providerReference: null, day: 'lundi 30 novembre 2026', agent: 'Agent' });
    for (const pdf of [statement, receipt]) {
      const drawn = drawnBytes(pdf);
      expect(drawn).toContain('1\u00a0234,50\u00a0\u0080');
      expect(drawn).not.toContain(' /234');
    }
    expect(drawnBytes(statement)).toContain('Lucja Nowak');
    // The day's difference is printed beside the régisseur's note, for the accountant who signs after.
    expect(drawnBytes(statement)).toContain('Écart constaté : Chèque : 1\u00a0229,50\u00a0\u0080 compté pour 1\u00a0234,50\u00a0\u0080 au journal (manque de 5,00\u00a0\u0080).');
  });
});
