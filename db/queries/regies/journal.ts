// Writing the régies' journal. Every money movement writes its entries in its own transaction, so
// the journal, the wallets' ledger and the payments never disagree; each entry takes the next
// number of its régie's series for the year under the counter's row lock, which a rolled-back
// transaction gives back: the numbers have no gaps. An entry belongs to the day it happened, or
// to the first day the régisseur has not closed yet.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import { addDays, parisDate } from '../../../domain/dates.ts';
import { bookYear, shareCents, splitOrder, type JournalKind, type JournalSeries, type ProductShare, type RegieMethod } from '../../../domain/regies.ts';
import { systemClock } from '../../../lib/clock.ts';

export interface JournalLine {
  regieId: number;
  kind: JournalKind;
  method: RegieMethod;
  series: JournalSeries;
  amountCents: number;
  /** What it did to the family's wallet, signed (0 when it did nothing to it). */
  walletCents?: number;
  userId: number | null;
  productId?: number | null;
  orderId?: number | null;
  paymentId?: number | null;
  walletEntryId?: number | null;
  cardRefundId?: number | null;
  providerReference?: string | null;
  documentNumber?: string | null;
  label: string;
  /** Unique: the same movement replayed writes nothing. */
  key: string;
  recordedBy?: number | null;
  at?: Date;
}

const clock = systemClock();

/** Runs `work` in the caller's transaction, or in one of its own. */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** Writes the lines (those of 0 cents skipped); the ids of the entries, already written ones included. */
export async function recordJournal(db: Db, lines: JournalLine[]): Promise<number[]> {
  return inTransaction(db, async (trx) => {
    const ids: number[] = [];
    for (const line of lines) {
      if (line.amountCents === 0) continue;
      if (!Number.isSafeInteger(line.amountCents) || line.amountCents < 0) throw new RangeError(`Montant de journal invalide : ${line.amountCents}`);
      const existing = await trx.selectFrom('journal_entries').select('id').where('idempotency_key', '=', line.key).executeTakeFirst();
      if (existing) {
        ids.push(existing.id);
        continue;
      }
      // Shared with other entries, exclusive with the régisseur's closing: no entry lands on a day being closed.
      await trx.selectFrom('regies').select('id').where('id', '=', line.regieId).forShare().executeTakeFirstOrThrow();
      const day = await openDay(trx, line.regieId, parisDate(line.at ?? clock()));
      const year = bookYear(day);
      const counter = await trx
        .insertInto('regie_counters')
        .values({ regie_id: line.regieId, year, series: line.series, last_number: 1 })
        .onConflict((oc) => oc.columns(['regie_id', 'year', 'series']).doUpdateSet({ last_number: sql`regie_counters.last_number + 1` }))
        .returning('last_number')
        .executeTakeFirstOrThrow();
      const entry = await trx
        .insertInto('journal_entries')
        .values({
          regie_id: line.regieId, year, series: line.series, number: counter.last_number, day, kind: line.kind, method: line.method,
          amount_cents: line.amountCents, wallet_cents: line.walletCents ?? 0, user_id: line.userId,
          product_id: line.productId ?? null, order_id: line.orderId ?? null, payment_id: line.paymentId ?? null,
          wallet_entry_id: line.walletEntryId ?? null, card_refund_id: line.cardRefundId ?? null,
          provider_reference: line.providerReference ?? null, document_number: line.documentNumber ?? null,
          label: line.label, idempotency_key: line.key, recorded_by: line.recordedBy ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(entry.id);
    }
    return ids;
  });
}

/** The day an entry happening on `day` belongs to: the day after the last one closed, if that is later. */
async function openDay(trx: Db, regieId: number, day: string): Promise<string> {
  const closed = await trx.selectFrom('regie_closings').select((eb) => eb.fn.max('day').as('day')).where('regie_id', '=', regieId).executeTakeFirst();
  const last = closed?.day ?? null;
  return last !== null && last >= day ? addDays(last, 1) : day;
}

/** Each product's share of an order's lines, with its régie (the lines' prices, before the voucher). */
export async function orderProductShares(db: Db, orderId: number): Promise<ProductShare[]> {
  const rows = await db
    .selectFrom('order_lines')
    .innerJoin('holds', 'holds.id', 'order_lines.hold_id')
    .innerJoin('products', 'products.id', 'holds.product_id')
    .select(['products.id as productId', 'products.regie_id as regieId', (eb) => eb.fn.sum<string>('order_lines.price_cents').as('cents')])
    .where('order_lines.order_id', '=', orderId)
    .groupBy(['products.id', 'products.regie_id'])
    .orderBy('products.id')
    .execute();
  return rows.map((row) => ({ productId: row.productId, regieId: row.regieId, cents: Number(row.cents) }));
}

/**
 * The régie whose provider account takes an order's card payment: the one with the largest share
 * of the order (the first on a tie). The journal still gives each régie its own part.
 */
export async function collectingRegie(db: Db, orderId: number): Promise<number | null> {
  const perRegie = new Map<number, number>();
  for (const share of await orderProductShares(db, orderId)) perRegie.set(share.regieId, (perRegie.get(share.regieId) ?? 0) + share.cents);
  let chosen: number | null = null;
  for (const [regieId, cents] of perRegie) if (chosen === null || cents > perRegie.get(chosen)! || (cents === perRegie.get(chosen) && regieId < chosen)) chosen = regieId;
  return chosen;
}

/**
 * An order's wallet or card part shared among its products, as the journal records it: the
 * planned part as `splitOrder` shares it (so a product's wallet and card parts add up to its
 * share), any other amount (an earlier try's payment) in proportion to the lines.
 */
export async function orderPartShares(db: Db, orderId: number, part: 'wallet' | 'card', cents: number) {
  const order = await db.selectFrom('orders').select(['number', 'wallet_cents', 'card_cents']).where('id', '=', orderId).executeTakeFirstOrThrow();
  const shares = await orderProductShares(db, orderId);
  const planned = part === 'wallet' ? order.wallet_cents : order.card_cents;
  const parts = cents === planned
    ? splitOrder(shares, order.wallet_cents, order.card_cents).map((share) => ({ ...share, cents: part === 'wallet' ? share.walletCents : share.cardCents }))
    : shareCents(shares, cents);
  return { number: order.number, parts };
}

/**
 * The régie that takes a family's top-ups and answers for its wallet: the first régie of the
 * family's commune taking `method`, else the first of its commune, else the first régie of all.
 */
export async function familyRegie(db: Db, userId: number, method?: RegieMethod): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    select r.id from regies r
    left join regie_communes rc on rc.regie_id = r.id and rc.commune_id = (select commune_id from users where id = ${userId})
    order by (rc.commune_id is null), (${method ?? null}::text is not null and not (${method ?? null}::text = any(r.methods))), r.id
    limit 1`.execute(db);
  if (!rows[0]) throw new Error('no régie: create one before any money moves');
  return Number(rows[0].id);
}

/** The régie of a reservation's product. */
export async function reservationRegie(db: Db, reservationId: number): Promise<{ regieId: number; productId: number }> {
  const row = await db
    .selectFrom('reservations')
    .innerJoin('products', 'products.id', 'reservations.product_id')
    .select(['products.regie_id as regieId', 'products.id as productId'])
    .where('reservations.id', '=', reservationId)
    .executeTakeFirstOrThrow();
  return row;
}
