// The books' invariants: the journal, the wallets' ledger and the payments tell one story. Empty
// lists mean the books hold; the rush, crash and property tests check them after every run.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';

export interface BooksReport {
  /** Wallet entries whose journal entries do not add up to them (or that have none). */
  walletEntries: { id: number; amount_cents: number; journal_cents: number }[];
  /** Paid card payments whose receipts in the journal do not add up to them, or receipts of unpaid payments. */
  payments: { id: number; state: string; amount_cents: number; journal_cents: number }[];
  /** Card refunds done without their journal entry of the same amount, or journalled before they were done. */
  cardRefunds: { id: number; amount_cents: number; journal_cents: number }[];
  /** Entries whose series or effect on the wallet contradicts their kind (a card payment moving the wallet, a top-up in the refunds). */
  kinds: { id: number; kind: string; series: string; amount_cents: number; wallet_cents: number }[];
  /** Series whose numbers are not 1..n. */
  gaps: { regie_id: number; year: number; series: string; count: number; max: number }[];
  /** The wallets' total against the journal's wallet effects. */
  walletsCents: number;
  journalWalletCents: number;
}

export async function booksReport(db: Db): Promise<BooksReport> {
  const walletEntries = await sql<BooksReport['walletEntries'][number]>`
    select e.id, e.amount_cents, coalesce(sum(j.wallet_cents), 0)::int as journal_cents
    from wallet_entries e left join journal_entries j on j.wallet_entry_id = e.id
    group by e.id, e.amount_cents
    having e.amount_cents <> coalesce(sum(j.wallet_cents), 0)
    order by e.id`.execute(db);
  const payments = await sql<BooksReport['payments'][number]>`
    select p.id, p.state, p.amount_cents, coalesce(sum(j.amount_cents), 0)::int as journal_cents
    from payments p left join journal_entries j on j.payment_id = p.id and j.series = 'receipt'
    where p.method = 'card'
    group by p.id, p.state, p.amount_cents
    having (p.state = 'paid' and p.amount_cents <> coalesce(sum(j.amount_cents), 0))
        or (p.state <> 'paid' and coalesce(sum(j.amount_cents), 0) <> 0)
    order by p.id`.execute(db);
  const cardRefunds = await sql<BooksReport['cardRefunds'][number]>`
    select r.id, r.amount_cents, coalesce(sum(j.amount_cents), 0)::int as journal_cents
    from card_refunds r left join journal_entries j on j.card_refund_id = r.id
    group by r.id, r.amount_cents, r.state
    having (r.state = 'done' and r.amount_cents <> coalesce(sum(j.amount_cents), 0))
        or (r.state <> 'done' and coalesce(sum(j.amount_cents), 0) <> 0)
    order by r.id`.execute(db);
  // Each kind's series and wallet effect, as journalWalletMovement and card-journal.ts write them;
  // a kind not named here is left to the other checks.
  const kinds = await sql<BooksReport['kinds'][number]>`
    select id, kind, series, amount_cents, wallet_cents from journal_entries
    where (kind in ('top-up', 'card-payment', 'wallet-payment') and series <> 'receipt')
       or (kind in ('refund-to-wallet', 'card-refund', 'transfer-refund', 'erasure-transfer') and series <> 'refund')
       or not (case
            when kind in ('wallet-payment', 'erasure-transfer') then wallet_cents = -amount_cents
            when kind in ('refund-to-wallet', 'top-up') then wallet_cents = amount_cents
            when kind = 'adjustment' then wallet_cents = case series when 'refund' then amount_cents else -amount_cents end
            when kind = 'card-payment' then wallet_cents = 0
            -- Given back from the wallet's money (a top-up refunded), or from a payment's.
            when kind in ('card-refund', 'transfer-refund') then wallet_cents in (0, -amount_cents)
            else true end)
    order by id`.execute(db);
  const gaps = await sql<BooksReport['gaps'][number]>`
    select regie_id, year, series, count(*)::int as count, max(number)::int as max
    from journal_entries group by regie_id, year, series
    having count(*) <> max(number) or count(distinct number) <> count(*)`.execute(db);
  const totals = await sql<{ wallets: number; journal: number }>`
    select (select coalesce(sum(balance_cents), 0) from wallet_accounts)::int as wallets,
           (select coalesce(sum(wallet_cents), 0) from journal_entries)::int as journal`.execute(db);
  return {
    walletEntries: walletEntries.rows,
    payments: payments.rows,
    cardRefunds: cardRefunds.rows,
    kinds: kinds.rows,
    gaps: gaps.rows,
    walletsCents: totals.rows[0]!.wallets,
    journalWalletCents: totals.rows[0]!.journal,
  };
}

/** What is wrong with the books, in words (empty when they hold). */
export async function booksProblems(db: Db): Promise<string[]> {
  const report = await booksReport(db);
  const problems = [
    ...report.walletEntries.map((row) => `wallet entry ${row.id}: ${row.amount_cents} cents, journal ${row.journal_cents}`),
    ...report.payments.map((row) => `payment ${row.id} (${row.state}): ${row.amount_cents} cents, journal ${row.journal_cents}`),
    ...report.cardRefunds.map((row) => `card refund ${row.id}: ${row.amount_cents} cents, journal ${row.journal_cents}`),
    ...report.kinds.map((row) => `journal entry ${row.id} (${row.kind}, ${row.series}): ${row.amount_cents} cents, ${row.wallet_cents} to the wallet`),
    ...report.gaps.map((row) => `régie ${row.regie_id} ${row.year} ${row.series}: ${row.count} entries numbered up to ${row.max}`),
  ];
  if (report.walletsCents !== report.journalWalletCents) problems.push(`wallets hold ${report.walletsCents} cents, the journal says ${report.journalWalletCents}`);
  return problems;
}
