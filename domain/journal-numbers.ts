// How a journal entry's number reads on pages, receipts and exports: its series' letter (R for
// receipts, D for refunds, « dépenses »), its year and its number on six digits.
import type { JournalSeries } from './regies.ts';

export function entryNumber(series: JournalSeries, year: number, number: number): string {
  return `${series === 'receipt' ? 'R' : 'D'}-${year}-${String(number).padStart(6, '0')}`;
}
