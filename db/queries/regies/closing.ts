// The régisseur's daily closing: the days left open, each method's figures for the oldest (the
// journal against what the providers confirmed or what the till holds), and the closing itself,
// written under the régie row's exclusive lock: the journal writer holds it shared, so no entry
// lands on a day while it is being closed, and those after go to the next day.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import type { ClosingTotals } from '../../regie-tables.ts';
import { formatEuros } from '../../../domain/money.ts';
import { formatLongDate } from '../../../domain/dates.ts';
import { COUNTER_METHODS, METHOD_LABELS, type CounterMethod, type RegieMethod, type RegieRole } from '../../../domain/regies.ts';
import { PROVIDER_METHODS, countedMissing, isCounted, methodCheck, methodDifference, type MethodCheck } from '../../../domain/regie-closing.ts';
import { staffCommuneIds } from '../accounts/index.ts';
import { recordAudit } from '../staff/index.ts';
import { inTransaction } from './journal.ts';

export interface StaffRegie {
  id: number;
  name: string;
  methods: RegieMethod[];
  communes: string[];
  /** The staff member's role in it: only the régisseur and deputies close its days. */
  role: RegieRole | null;
  pes: { idPost: string | null; idColl: string | null; codCol: string | null; codBud: string | null };
}

type Staff = Parameters<typeof staffCommuneIds>[1];

/** The régies of the staff member's communes (an admin's: all). */
export async function staffRegies(db: Db, user: Staff): Promise<StaffRegie[]> {
  const communes = await staffCommuneIds(db, user);
  if (communes.length === 0) return [];
  const rows = await db
    .selectFrom('regies')
    .leftJoin('regie_members', (join) => join.onRef('regie_members.regie_id', '=', 'regies.id').on('regie_members.user_id', '=', user.id))
    .select(['regies.id', 'regies.name', 'regies.methods', 'regie_members.role', 'regies.pes_id_post', 'regies.pes_id_coll', 'regies.pes_cod_col', 'regies.pes_cod_bud'])
    .select((eb) =>
      eb
        .selectFrom('regie_communes')
        .innerJoin('communes', 'communes.id', 'regie_communes.commune_id')
        .select(sql<string[]>`array_agg(communes.name order by communes.name)`.as('names'))
        .whereRef('regie_communes.regie_id', '=', 'regies.id')
        .as('communes'),
    )
    .where((eb) => eb.exists(eb.selectFrom('regie_communes').select('regie_id').whereRef('regie_communes.regie_id', '=', 'regies.id').where('regie_communes.commune_id', 'in', communes)))
    .orderBy('regies.name')
    .execute();
  return rows.map((row) => ({
    id: row.id, name: row.name, methods: row.methods, communes: row.communes ?? [], role: row.role,
    pes: { idPost: row.pes_id_post, idColl: row.pes_id_coll, codCol: row.pes_cod_col, codBud: row.pes_cod_bud },
  }));
}

/** One régie, if it belongs to one of the staff member's communes; null otherwise (403). */
export async function staffRegie(db: Db, user: Staff, regieId: number): Promise<StaffRegie | null> {
  return (await staffRegies(db, user)).find((regie) => regie.id === regieId) ?? null;
}

/** The days up to `today` that have entries and are not closed, the oldest first: they close in this order. */
export async function openDays(db: Db, regieId: number, today: string): Promise<{ day: string; entries: number }[]> {
  // Days close in order: only those after the last one closed can be open, which keeps the read short.
  const last = await db.selectFrom('regie_closings').select((eb) => eb.fn.max('day').as('day')).where('regie_id', '=', regieId).executeTakeFirst();
  let query = db
    .selectFrom('journal_entries')
    .select(['day', (eb) => eb.fn.countAll<string>().as('entries')])
    .where('regie_id', '=', regieId)
    .where('day', '<=', today);
  if (last?.day) query = query.where('day', '>', last.day);
  const rows = await query
    .where((eb) => eb.not(eb.exists(eb.selectFrom('regie_closings').select('id').where('regie_closings.regie_id', '=', regieId).whereRef('regie_closings.day', '=', 'journal_entries.day'))))
    .groupBy('day')
    .orderBy('day')
    .execute();
  return rows.map((row) => ({ day: row.day, entries: Number(row.entries) }));
}

export interface MethodFigures {
  method: RegieMethod;
  check: MethodCheck;
  receiptsCents: number;
  refundsCents: number;
  /** Receipts less refunds. */
  journalCents: number;
  /** What the providers confirmed that day (provider methods), the journal itself (books); null for what is counted. */
  confirmedCents: number | null;
}

export interface CountedDocument {
  method: CounterMethod;
  number: number;
  documentNumber: string | null;
  amountCents: number;
  payer: string;
}

export interface DayFigures {
  day: string;
  methods: MethodFigures[];
  /** The cheques, CESU and chèques vacances received, with their numbers. */
  documents: CountedDocument[];
  /** What the providers say otherwise than the journal, each named (a payment confirmed another day, one left to reconcile). */
  providerDifferences: string[];
}

const parisDay = (column: string) => sql<string>`(${sql.ref(column)} at time zone 'Europe/Paris')::date::text`;
const payerName = sql<string>`coalesce(nullif(concat_ws(' ', users.first_name, users.last_name), ''), users.email, '')`;

/** The figures of a régie's day, per method: the régie's methods and any other the journal holds that day. */
export async function dayFigures(db: Db, regie: { id: number; methods: RegieMethod[] }, day: string): Promise<DayFigures> {
  const sums = await db
    .selectFrom('journal_entries')
    .select(['method', 'series', (eb) => eb.fn.sum<string>('amount_cents').as('cents')])
    .where('regie_id', '=', regie.id)
    .where('day', '=', day)
    .groupBy(['method', 'series'])
    .execute();
  const confirmedReceipts = await db
    .selectFrom('journal_entries')
    .innerJoin('payments', 'payments.id', 'journal_entries.payment_id')
    .select(['journal_entries.method', (eb) => eb.fn.sum<string>('journal_entries.amount_cents').as('cents')])
    .where('journal_entries.regie_id', '=', regie.id)
    // A payment is in the journal from the day the provider confirmed it (or the next day open): never before.
    .where('journal_entries.day', '>=', day)
    .where('journal_entries.series', '=', 'receipt')
    .where('journal_entries.method', 'in', PROVIDER_METHODS)
    .where('payments.state', '=', 'paid')
    .where(parisDay('payments.updated_at'), '=', day)
    .groupBy('journal_entries.method')
    .execute();
  // A refund at the provider is made when staff record it with the provider's reference.
  const confirmedRefunds = await db
    .selectFrom('journal_entries')
    .innerJoin('card_refunds', 'card_refunds.id', 'journal_entries.card_refund_id')
    .select(['journal_entries.method', (eb) => eb.fn.sum<string>('journal_entries.amount_cents').as('cents')])
    .where('journal_entries.regie_id', '=', regie.id)
    .where('journal_entries.day', '>=', day)
    .where('journal_entries.method', 'in', PROVIDER_METHODS)
    .where(parisDay('card_refunds.created_at'), '=', day)
    .groupBy('journal_entries.method')
    .execute();
  const cents = (rows: { method: string; cents: string | null }[], method: string) => Number(rows.find((row) => row.method === method)?.cents ?? 0);
  const present = new Set<RegieMethod>([...regie.methods, ...sums.map((row) => row.method)]);
  for (const row of [...confirmedReceipts, ...confirmedRefunds]) present.add(row.method);
  const order = Object.keys(METHOD_LABELS) as RegieMethod[];
  const methods = order.filter((method) => present.has(method)).map((method): MethodFigures => {
    const receiptsCents = Number(sums.find((row) => row.method === method && row.series === 'receipt')?.cents ?? 0);
    const refundsCents = Number(sums.find((row) => row.method === method && row.series === 'refund')?.cents ?? 0);
    const check = methodCheck(method);
    const journalCents = receiptsCents - refundsCents;
    const confirmedCents = check === 'provider' ? cents(confirmedReceipts, method) - cents(confirmedRefunds, method) : check === 'books' ? journalCents : null;
    return { method, check, receiptsCents, refundsCents, journalCents, confirmedCents };
  });

  const documents = await db
    .selectFrom('journal_entries')
    .leftJoin('users', 'users.id', 'journal_entries.user_id')
    .select(['journal_entries.method', 'journal_entries.number', 'journal_entries.document_number', 'journal_entries.amount_cents', payerName.as('payer')])
    .where('journal_entries.regie_id', '=', regie.id)
    .where('journal_entries.day', '=', day)
    .where('journal_entries.series', '=', 'receipt')
    .where('journal_entries.method', 'in', COUNTER_METHODS.filter((method) => method !== 'cash'))
    .orderBy('journal_entries.number')
    .execute();

  return {
    day,
    methods,
    documents: documents.map((row) => ({ method: row.method as CounterMethod, number: row.number, documentNumber: row.document_number, amountCents: row.amount_cents, payer: row.payer })),
    providerDifferences: await providerDifferences(db, regie.id, day),
  };
}

/** The payments whose day at the provider is not their day in the journal, and those left to reconcile. */
async function providerDifferences(db: Db, regieId: number, day: string): Promise<string[]> {
  const { rows } = await sql<{ reference: string; state: string; confirmed_day: string; journal_day: string; cents: number }>`
    select coalesce(p.provider_transaction, p.reference) as reference, p.state, ${parisDay('p.updated_at')} as confirmed_day,
           min(j.day)::text as journal_day, sum(j.amount_cents)::int as cents
    from journal_entries j join payments p on p.id = j.payment_id
    where j.regie_id = ${regieId} and j.day >= ${day} and j.series = 'receipt' and j.method in (${sql.join(PROVIDER_METHODS)})
      and (j.day = ${day} or (p.state = 'paid' and ${parisDay('p.updated_at')} = ${day}))
    group by p.id
    having not (min(j.day) = ${day}::date and p.state = 'paid' and ${parisDay('p.updated_at')} = ${day})
    order by p.id`.execute(db);
  const said = rows.map((row) => {
    const what = `Paiement ${row.reference} (${formatEuros(row.cents)})`;
    if (row.state !== 'paid') return `${what} inscrit au journal sans confirmation du prestataire.`;
    if (row.journal_day === day) return `${what} confirmé par le prestataire le ${formatLongDate(row.confirmed_day)}, inscrit au journal ce jour.`;
    return `${what} confirmé ce jour par le prestataire, inscrit au journal du ${formatLongDate(row.journal_day)}.`;
  });
  const toReconcile = await db
    .selectFrom('payments')
    .select(['reference', 'amount_cents'])
    .where('regie_id', '=', regieId)
    .where('state', '=', 'to-reconcile')
    .where(parisDay('payments.created_at'), '=', day)
    .orderBy('id')
    .execute();
  for (const payment of toReconcile) said.push(`Paiement ${payment.reference} (${formatEuros(payment.amount_cents)}) laissé « à rapprocher » : le prestataire l’a dit déjà effectué, rien n’est inscrit au journal.`);
  return said;
}

/** The closing's totals and its differences in words, from the day's figures and what the régisseur counted. */
export function closingBalance(figures: DayFigures, counted: Partial<Record<CounterMethod, number>>): { totals: ClosingTotals; differences: string[]; missing: CounterMethod[] } {
  const totals: ClosingTotals = {};
  const differences: string[] = [];
  const missing: CounterMethod[] = [];
  for (const figure of figures.methods) {
    const checked = isCounted(figure.method) ? (counted[figure.method] ?? null) : figure.confirmedCents;
    if (checked === null) {
      missing.push(figure.method as CounterMethod);
      continue;
    }
    if (figure.journalCents === 0 && checked === 0 && figure.receiptsCents === 0) continue;
    totals[figure.method] = { journalCents: figure.journalCents, checkedCents: checked };
    const difference = methodDifference({ method: figure.method, journalCents: figure.journalCents, checkedCents: checked });
    if (difference) differences.push(difference);
  }
  return { totals, differences: [...differences, ...figures.providerDifferences], missing };
}

/**
 * A fingerprint of what a closing would keep (its totals and differences), carried by the
 * confirmation page: a payment landing on the day between the page and « Confirmer » changes it.
 */
export function closingStamp(balance: { totals: ClosingTotals; differences: string[] }): string {
  const totals = Object.entries(balance.totals).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify([totals, balance.differences])).digest('hex').slice(0, 24);
}

/** What the régisseur is told when differences need their note. */
export const noteNeeded = (differences: string[]) => `Expliquez ${differences.length > 1 ? 'les écarts' : 'l’écart'} dans la note avant de clôturer : ${differences.join(' ')}`;

export type CloseDayResult =
  | { ok: true; closingId: number }
  | { ok: false; field: 'jour' | 'note' | 'membre' | CounterMethod; message: string };

/**
 * Closes the régie's oldest open day, as the régisseur or a deputy, with what they counted. The
 * figures are read again under the lock and, with the confirmation page's `stamp`, must be those
 * it showed: what the régisseur confirmed is what is kept.
 */
export async function closeDay(
  db: Db,
  input: { regieId: number; day: string; today: string; staffId: number; counted: Partial<Record<CounterMethod, number>>; note: string | null; stamp?: string },
): Promise<CloseDayResult> {
  return inTransaction(db, async (trx) => {
    const regie = await trx.selectFrom('regies').select(['id', 'methods']).where('id', '=', input.regieId).forUpdate().executeTakeFirstOrThrow();
    const member = await trx.selectFrom('regie_members').select('role').where('regie_id', '=', regie.id).where('user_id', '=', input.staffId).executeTakeFirst();
    if (!member) return { ok: false, field: 'membre', message: 'Seuls le régisseur et ses suppléants clôturent les journées de cette régie.' };
    const days = await openDays(trx, regie.id, input.today);
    const oldest = days[0]?.day;
    if (oldest === undefined) return { ok: false, field: 'jour', message: 'Aucune journée n’est à clôturer : rien n’a été changé.' };
    if (oldest !== input.day) {
      return input.day < oldest
        ? { ok: false, field: 'jour', message: `Le ${formatLongDate(input.day)} est déjà clôturé : rien n’a été changé.` }
        : { ok: false, field: 'jour', message: `Les journées se clôturent dans l’ordre : clôturez d’abord le ${formatLongDate(oldest)}.` };
    }
    const figures = await dayFigures(trx, regie, input.day);
    const balance = closingBalance(figures, input.counted);
    const missing = balance.missing[0];
    if (missing) return { ok: false, field: missing, message: countedMissing(missing) };
    if (balance.differences.length > 0 && !input.note) return { ok: false, field: 'note', message: noteNeeded(balance.differences) };
    if (input.stamp !== undefined && input.stamp !== closingStamp(balance)) {
      return { ok: false, field: 'jour', message: 'Les chiffres de la journée ont changé depuis leur affichage (un paiement est arrivé) : vérifiez-les puis confirmez à nouveau. Rien n’a été changé.' };
    }
    const closing = await trx
      .insertInto('regie_closings')
      .values({ regie_id: regie.id, day: input.day, totals: JSON.stringify(balance.totals), note: input.note, closed_by: input.staffId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: input.staffId, action: 'regie.day-closed', subject: { type: 'regie', id: regie.id },
      details: { day: input.day, totals: balance.totals, differences: balance.differences, note: input.note },
    });
    return { ok: true, closingId: closing.id };
  });
}

export interface ClosedDay {
  day: string;
  totals: ClosingTotals;
  note: string | null;
  closedBy: string;
  closedAt: Date;
}

/** The days closed between two days (both included), the latest first. */
export async function closedDays(db: Db, regieId: number, range: { from?: string; to?: string; limit?: number } = {}): Promise<ClosedDay[]> {
  let query = db
    .selectFrom('regie_closings')
    .innerJoin('users', 'users.id', 'regie_closings.closed_by')
    .select(['regie_closings.day', 'regie_closings.totals', 'regie_closings.note', 'regie_closings.closed_at', payerName.as('closed_by')])
    .where('regie_closings.regie_id', '=', regieId)
    .orderBy('regie_closings.day', 'desc');
  if (range.from) query = query.where('regie_closings.day', '>=', range.from);
  if (range.to) query = query.where('regie_closings.day', '<=', range.to);
  if (range.limit) query = query.limit(range.limit);
  const rows = await query.execute();
  return rows.map((row) => ({ day: row.day, totals: row.totals, note: row.note, closedBy: row.closed_by, closedAt: row.closed_at }));
}

export interface RegieLeftOpen {
  id: number;
  name: string;
  /** Days before today with entries and no closing, the oldest first. */
  days: string[];
  /** The régisseur and deputies, who close them. */
  members: { id: number; email: string; firstName: string | null }[];
}

/** The régies with days before `today` left open, and who should close them. */
export async function regiesLeftOpen(db: Db, today: string): Promise<RegieLeftOpen[]> {
  const { rows } = await sql<{ id: number; name: string; days: string[] }>`
    select r.id, r.name, array_agg(distinct j.day::text order by j.day::text) as days
    from regies r join journal_entries j on j.regie_id = r.id
      -- Days close in order: only those after each régie's last closed day can be open.
      and j.day > coalesce((select max(c.day) from regie_closings c where c.regie_id = r.id), '-infinity'::date)
    where j.day < ${today}
      and not exists (select 1 from regie_closings c where c.regie_id = j.regie_id and c.day = j.day)
    group by r.id, r.name
    order by r.id`.execute(db);
  if (rows.length === 0) return [];
  const members = await db
    .selectFrom('regie_members')
    .innerJoin('users', 'users.id', 'regie_members.user_id')
    .select(['regie_members.regie_id', 'users.id', 'users.email', 'users.first_name'])
    .where('regie_members.regie_id', 'in', rows.map((row) => Number(row.id)))
    .where('users.role', 'in', ['staff', 'admin'])
    // A disabled staff account is told nothing: it can no longer close anything.
    .where('users.status', '<>', 'suspended')
    .orderBy('users.id')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id), name: row.name, days: row.days,
    members: members.filter((member) => member.regie_id === Number(row.id)).map((member) => ({ id: member.id, email: member.email, firstName: member.first_name })),
  }));
}
