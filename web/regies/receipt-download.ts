// A receipt of the régie's journal as the browser downloads it, for staff and for the family.
import type { Context } from 'hono';
import { formatLongDate } from '../../domain/dates.ts';
import { entryNumber } from '../../domain/journal-numbers.ts';
import { formatEuros } from '../../domain/money.ts';
import { familyKindLabel, METHOD_LABELS } from '../../domain/regies.ts';
import type { ReceiptFacts } from '../../db/queries/regies/journal-read.ts';
import { receiptPdf } from '../../lib/regies/receipt-pdf.ts';

export async function receiptDownload(c: Context, facts: ReceiptFacts): Promise<Response> {
  const number = entryNumber(facts.series, facts.year, facts.number);
  const purpose = facts.kind === 'top-up' ? familyKindLabel(facts.kind) : [familyKindLabel(facts.kind), facts.product, facts.orderNumber ? `commande ${facts.orderNumber}` : null].filter(Boolean).join(', ');
  const pdf = await receiptPdf({
    number, regie: facts.regie, payer: facts.payer, amount: formatEuros(facts.amountCents), method: METHOD_LABELS[facts.method], purpose,
    documentNumber: facts.documentNumber, providerReference: facts.providerReference, day: formatLongDate(facts.day), agent: facts.recordedBy,
  });
  c.header('Content-Type', 'application/pdf');
  c.header('Content-Disposition', `attachment; filename="recu-${number}.pdf"`);
  c.header('Cache-Control', 'private, no-store');
  return c.body(pdf as Uint8Array<ArrayBuffer>);
}
