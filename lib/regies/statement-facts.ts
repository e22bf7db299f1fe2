// The monthly statement's figures as its files (PDF, CSV) take them: the same shape as the query
// that reads them (db/queries/regies/statement.ts), declared here since lib/ reads no floor above.
import type { RegieMethod } from '../../domain/regies.ts';

export interface StatementFacts {
  regie: { id: number; name: string };
  month: string;
  first: string;
  last: string;
  receiptsByMethod: { method: RegieMethod; cents: number }[];
  receiptsByProduct: { productId: number | null; label: string; cents: number }[];
  refundsByMethod: { method: RegieMethod; cents: number }[];
  receiptsCents: number;
  refundsCents: number;
  productReceiptsCents: number;
  walletOpeningCents: number;
  walletClosingCents: number;
  closings: { day: string; closedBy: string; note: string | null; totals: Partial<Record<RegieMethod, { journalCents: number; checkedCents: number }>> }[];
}
