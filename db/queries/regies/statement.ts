// A régie's monthly statement, the figures the régisseur signs and hands to the public accountant:
// the month's receipts per method and per product, its refunds per method, the wallets' balance
// the régie answers for at the month's start and end, and the days closed and by whom. The PES
// file carries the same product receipts (pes.ts).
import type { Db } from '../../connection.ts';
import { KIND_LABELS, type JournalKind } from '../../../domain/regies.ts';
import { monthDays } from '../../../domain/regie-closing.ts';
import { closedDays, type ClosedDay } from './closing.ts';
import type { StatementFacts } from '../../../lib/regies/statement-facts.ts';

/** The figures of the statement's files (lib/regies/statement-facts.ts), with the closings as read and the entries counted. */
export interface MonthStatement extends StatementFacts {
  closings: ClosedDay[];
  entries: number;
}

export async function monthStatement(db: Db, regie: { id: number; name: string }, month: string): Promise<MonthStatement> {
  const { first, last } = monthDays(month);
  const inMonth = db.selectFrom('journal_entries').where('journal_entries.regie_id', '=', regie.id).where('journal_entries.day', '>=', first).where('journal_entries.day', '<=', last);
  const [byMethod, byProduct, wallets, count, closings] = await Promise.all([
    inMonth.select(['series', 'method', (eb) => eb.fn.sum<string>('amount_cents').as('cents')]).groupBy(['series', 'method']).orderBy('method').execute(),
    inMonth
      .leftJoin('products', 'products.id', 'journal_entries.product_id')
      .select(['journal_entries.product_id', 'products.name', 'journal_entries.kind', (eb) => eb.fn.sum<string>('journal_entries.amount_cents').as('cents')])
      .where('journal_entries.series', '=', 'receipt')
      .groupBy(['journal_entries.product_id', 'products.name', 'journal_entries.kind'])
      .execute(),
    db
      .selectFrom('journal_entries')
      .select([
        (eb) => eb.fn.sum<string>(eb.case().when('day', '<', first).then(eb.ref('wallet_cents')).else(0).end()).as('opening'),
        (eb) => eb.fn.sum<string>(eb.case().when('day', '<=', last).then(eb.ref('wallet_cents')).else(0).end()).as('closing'),
      ])
      .where('regie_id', '=', regie.id)
      .executeTakeFirstOrThrow(),
    inMonth.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    closedDays(db, regie.id, { from: first, to: last }),
  ]);
  const perMethod = (series: 'receipt' | 'refund') => byMethod.filter((row) => row.series === series).map((row) => ({ method: row.method, cents: Number(row.cents) }));
  const receiptsByMethod = perMethod('receipt');
  const refundsByMethod = perMethod('refund');
  const products = new Map<string, { productId: number | null; label: string; cents: number }>();
  for (const row of byProduct) {
    const key = row.product_id === null ? `kind-${row.kind}` : `product-${row.product_id}`;
    const label = row.product_id === null ? KIND_LABELS[row.kind as JournalKind] : (row.name ?? `Activité n° ${row.product_id}`);
    const entry = products.get(key) ?? { productId: row.product_id, label, cents: 0 };
    entry.cents += Number(row.cents);
    products.set(key, entry);
  }
  const receiptsByProduct = [...products.values()].sort((a, b) => Number(a.productId === null) - Number(b.productId === null) || a.label.localeCompare(b.label, 'fr'));
  const sum = (rows: { cents: number }[]) => rows.reduce((total, row) => total + row.cents, 0);
  return {
    regie: { id: regie.id, name: regie.name },
    month, first, last,
    receiptsByMethod, receiptsByProduct, refundsByMethod,
    receiptsCents: sum(receiptsByMethod),
    refundsCents: sum(refundsByMethod),
    productReceiptsCents: sum(receiptsByProduct.filter((row) => row.productId !== null)),
    walletOpeningCents: Number(wallets.opening ?? 0),
    walletClosingCents: Number(wallets.closing ?? 0),
    closings: [...closings].reverse(),
    entries: Number(count.n),
  };
}
