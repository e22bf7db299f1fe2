// The PES file's titles for a régie's month: each payer's receipts for products (what the monthly
// statement counts as product receipts), per product, with the payer's name and address.
import type { Db } from '../../connection.ts';
import { monthDays } from '../../../domain/regie-closing.ts';

export interface PesPayerRow {
  /** Null for money taken from no known family. */
  userId: number | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  address: { line1: string; postalCode: string; city: string } | null;
  lines: { productId: number; product: string; cents: number }[];
}

export async function pesPayers(db: Db, regieId: number, month: string): Promise<PesPayerRow[]> {
  const { first, last } = monthDays(month);
  const rows = await db
    .selectFrom('journal_entries')
    .innerJoin('products', 'products.id', 'journal_entries.product_id')
    .leftJoin('users', 'users.id', 'journal_entries.user_id')
    .select(['users.id as userId', 'users.first_name', 'users.last_name', 'users.email', 'products.id as productId', 'products.name as product', (eb) => eb.fn.sum<string>('journal_entries.amount_cents').as('cents')])
    .where('journal_entries.regie_id', '=', regieId)
    .where('journal_entries.series', '=', 'receipt')
    .where('journal_entries.day', '>=', first)
    .where('journal_entries.day', '<=', last)
    .groupBy(['users.id', 'products.id'])
    .orderBy('users.id')
    .orderBy('products.id')
    .execute();
  const userIds = [...new Set(rows.flatMap((row) => (row.userId === null ? [] : [row.userId])))];
  const addresses = userIds.length === 0
    ? []
    : await db
        .selectFrom('addresses')
        .select(['user_id', 'line1', 'postal_code', 'city'])
        .where('user_id', 'in', userIds)
        .orderBy('user_id')
        .orderBy('is_default', 'desc')
        .orderBy('id')
        .execute();
  const payers = new Map<number | null, PesPayerRow>();
  for (const row of rows) {
    let payer = payers.get(row.userId);
    if (!payer) {
      const address = addresses.find((candidate) => candidate.user_id === row.userId);
      payer = {
        userId: row.userId, firstName: row.first_name, lastName: row.last_name, email: row.email,
        address: address ? { line1: address.line1, postalCode: address.postal_code, city: address.city } : null,
        lines: [],
      };
      payers.set(row.userId, payer);
    }
    payer.lines.push({ productId: row.productId, product: row.product, cents: Number(row.cents) });
  }
  return [...payers.values()];
}
