// Reading a régie's journal for its staff: the entries of a period, filtered by method and
// product, with the payer named at read time (an erased family reads as its anonymised account);
// the totals per method; and the wallets' balance the régie answers for.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import type { IsoDate } from '../../../domain/dates.ts';
import type { JournalKind, JournalSeries, RegieMethod } from '../../../domain/regies.ts';

export interface JournalFilter {
  regieId: number;
  from: IsoDate;
  to: IsoDate;
  method: RegieMethod | null;
  productId: number | null;
}

export interface JournalRow {
  id: number;
  series: JournalSeries;
  year: number;
  number: number;
  day: IsoDate;
  /** The Paris wall-clock time it was written, « 14:05 ». */
  time: string;
  kind: JournalKind;
  method: RegieMethod;
  amountCents: number;
  walletCents: number;
  payer: string | null;
  product: string | null;
  orderNumber: string | null;
  providerReference: string | null;
  documentNumber: string | null;
  label: string;
}

const payerName = sql<string | null>`coalesce(nullif(concat_ws(' ', users.first_name, users.last_name), ''), users.email)`;

export async function journalRows(db: Db, filter: JournalFilter): Promise<JournalRow[]> {
  const rows = await db
    .selectFrom('journal_entries')
    .leftJoin('users', 'users.id', 'journal_entries.user_id')
    .leftJoin('products', 'products.id', 'journal_entries.product_id')
    .leftJoin('orders', 'orders.id', 'journal_entries.order_id')
    .select([
      'journal_entries.id', 'journal_entries.series', 'journal_entries.year', 'journal_entries.number', 'journal_entries.day', 'journal_entries.kind',
      'journal_entries.method', 'journal_entries.amount_cents', 'journal_entries.wallet_cents', 'journal_entries.provider_reference',
      'journal_entries.document_number', 'journal_entries.label', 'products.name as product', 'orders.number as order_number',
      payerName.as('payer'),
      sql<string>`to_char(journal_entries.created_at at time zone 'Europe/Paris', 'HH24:MI')`.as('time'),
    ])
    .where('journal_entries.regie_id', '=', filter.regieId)
    .where('journal_entries.day', '>=', filter.from)
    .where('journal_entries.day', '<=', filter.to)
    .$if(filter.method !== null, (q) => q.where('journal_entries.method', '=', filter.method!))
    .$if(filter.productId !== null, (q) => q.where('journal_entries.product_id', '=', filter.productId!))
    .orderBy('journal_entries.day')
    .orderBy('journal_entries.id')
    .execute();
  return rows.map((row) => ({
    id: row.id, series: row.series, year: row.year, number: row.number, day: row.day, time: row.time, kind: row.kind, method: row.method,
    amountCents: row.amount_cents, walletCents: row.wallet_cents, payer: row.payer, product: row.product, orderNumber: row.order_number,
    providerReference: row.provider_reference, documentNumber: row.document_number, label: row.label,
  }));
}

export interface MethodTotal {
  method: RegieMethod;
  receiptsCents: number;
  refundsCents: number;
}

/** Per method, what the rows received and gave back. */
export function methodTotals(rows: JournalRow[]): MethodTotal[] {
  const totals = new Map<RegieMethod, MethodTotal>();
  for (const row of rows) {
    const total = totals.get(row.method) ?? { method: row.method, receiptsCents: 0, refundsCents: 0 };
    if (row.series === 'receipt') total.receiptsCents += row.amountCents;
    else total.refundsCents += row.amountCents;
    totals.set(row.method, total);
  }
  return [...totals.values()];
}

/**
 * What the families' wallets held through the régie at the end of `day`: money received before
 * what it will pay (« recettes perçues avant émission de titre »), the commune's debt to them.
 */
export async function walletsHeld(db: Db, regieId: number, day: IsoDate): Promise<number> {
  const row = await db
    .selectFrom('journal_entries')
    .select(sql<number>`coalesce(sum(wallet_cents), 0)::int`.as('cents'))
    .where('regie_id', '=', regieId)
    .where('day', '<=', day)
    .executeTakeFirstOrThrow();
  return row.cents;
}

/** The products a régie's journal names, for its filter. */
export function journalProducts(db: Db, regieId: number) {
  return db
    .selectFrom('products')
    .select(['id', 'name'])
    .where((eb) => eb.or([eb('regie_id', '=', regieId), eb.exists(eb.selectFrom('journal_entries').select('id').whereRef('journal_entries.product_id', '=', 'products.id').where('journal_entries.regie_id', '=', regieId))]))
    .orderBy('name')
    .execute();
}

export interface ReceiptFacts {
  id: number;
  regieId: number;
  regie: string;
  series: JournalSeries;
  year: number;
  number: number;
  day: IsoDate;
  kind: JournalKind;
  method: RegieMethod;
  amountCents: number;
  payer: string;
  documentNumber: string | null;
  providerReference: string | null;
  product: string | null;
  orderNumber: string | null;
  /** The agent who took the money at the counter, by name. */
  recordedBy: string | null;
}

/** A receipt of the journal (money received), with what its paper says. */
export async function receiptFacts(db: Db, entryId: number): Promise<(ReceiptFacts & { userId: number | null }) | null> {
  const row = await db
    .selectFrom('journal_entries')
    .innerJoin('regies', 'regies.id', 'journal_entries.regie_id')
    .leftJoin('users', 'users.id', 'journal_entries.user_id')
    .leftJoin('users as agents', 'agents.id', 'journal_entries.recorded_by')
    .leftJoin('products', 'products.id', 'journal_entries.product_id')
    .leftJoin('orders', 'orders.id', 'journal_entries.order_id')
    .select([
      'journal_entries.id', 'journal_entries.regie_id', 'regies.name as regie', 'journal_entries.series', 'journal_entries.year', 'journal_entries.number',
      'journal_entries.day', 'journal_entries.kind', 'journal_entries.method', 'journal_entries.amount_cents', 'journal_entries.document_number',
      'journal_entries.provider_reference', 'journal_entries.user_id', 'products.name as product', 'orders.number as order_number',
      payerName.as('payer'),
      sql<string | null>`coalesce(nullif(concat_ws(' ', agents.first_name, agents.last_name), ''), agents.email)`.as('recorded_by'),
    ])
    .where('journal_entries.id', '=', entryId)
    .where('journal_entries.series', '=', 'receipt')
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id, regieId: row.regie_id, regie: row.regie, series: row.series, year: row.year, number: row.number, day: row.day, kind: row.kind,
    method: row.method, amountCents: row.amount_cents, payer: row.payer ?? '—', documentNumber: row.document_number, providerReference: row.provider_reference,
    product: row.product, orderNumber: row.order_number, recordedBy: row.recorded_by, userId: row.user_id,
  };
}

/** The family's receipts, newest first: its top-ups, by card or at the counter, and its payments. */
export function familyReceipts(db: Db, userId: number) {
  return db
    .selectFrom('journal_entries')
    .innerJoin('regies', 'regies.id', 'journal_entries.regie_id')
    .select(['journal_entries.id', 'journal_entries.series', 'journal_entries.year', 'journal_entries.number', 'journal_entries.day', 'journal_entries.kind', 'journal_entries.method', 'journal_entries.amount_cents', 'regies.name as regie'])
    .where('journal_entries.user_id', '=', userId)
    .where('journal_entries.series', '=', 'receipt')
    .where('journal_entries.method', '!=', 'wallet')
    .orderBy('journal_entries.day', 'desc')
    .orderBy('journal_entries.id', 'desc')
    .limit(200)
    .execute();
}
