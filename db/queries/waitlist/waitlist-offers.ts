// A day's waiting-list round, as its workflow runs it: each place free on the day is offered to the
// first family in its line (until the offer's deadline), and offers that ended expire (the place,
// if still held, goes back).
import type { IsoDate } from '../../../domain/dates.ts';
import type { Db } from '../../connection.ts';
import { nextInLine, offerPlace, offerTerms } from './waitlist.ts';

export interface Round {
  /** The entries offered a place in this round. */
  offered: number[];
  /** When the earliest offer still open ends (ISO), or null. */
  nextDeadline: string | null;
  /** Families still waiting or offered: the workflow goes on while there are. */
  open: number;
  /** The entries that were still waiting when the line ended (the day closed, or past its booking deadline). */
  ended: number[];
}

/** Closes the offers that ended, then offers each free place to the next in line. */
export async function waitlistRound(db: Db, productId: number, day: IsoDate, now: Date): Promise<Round> {
  await closeEndedOffers(db, productId, day, now);
  const terms = await offerTerms(db, productId, day, now);
  const offered: number[] = [];
  let ended: number[] = [];
  if (typeof terms === 'string') {
    // Nobody can book the day any more: the line ends.
    const rows = await db.updateTable('waitlist_entries').set({ status: 'expired', ended_at: now }).where('product_id', '=', productId).where('service_date', '=', day).where('status', '=', 'waiting').returning('id').execute();
    ended = rows.map((row) => row.id);
  } else {
    const slots = await db.selectFrom('slots').select(['id', 'prestation_id']).where('product_id', '=', productId).where('service_date', '=', day).execute();
    for (const slot of slots) {
      for (;;) {
        const next = await nextInLine(db, slot.id);
        if (!next) break;
        const result = await offerPlace(db, { entryId: next.id, ...terms, prestationId: slot.prestation_id, now });
        if (result.ok) offered.push(next.id);
        else if (result.reason === 'full') break;
      }
    }
  }
  const open = await db
    .selectFrom('waitlist_entries')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('offered_until').as('next')])
    .where('product_id', '=', productId)
    .where('service_date', '=', day)
    .where('status', 'in', ['waiting', 'offered'])
    .executeTakeFirstOrThrow();
  return { offered, nextDeadline: open.next ? new Date(open.next as Date).toISOString() : null, open: Number(open.n), ended };
}

/**
 * Offers past their deadline, or whose place left the cart, expire. (An offer paid is marked
 * booked by the order's confirmation, in its transaction.)
 */
async function closeEndedOffers(db: Db, productId: number, day: IsoDate, now: Date): Promise<void> {
  const ended = await db
    .selectFrom('waitlist_entries')
    .innerJoin('holds', 'holds.id', 'waitlist_entries.offer_hold_id')
    .select(['waitlist_entries.id', 'holds.id as holdId'])
    .where('waitlist_entries.product_id', '=', productId)
    .where('waitlist_entries.service_date', '=', day)
    .where('waitlist_entries.status', '=', 'offered')
    .where((eb) => eb.or([eb('holds.state', '<>', 'held'), eb('waitlist_entries.offered_until', '<=', now)]))
    .execute();
  for (const offer of ended) await endOffer(db, offer.id, offer.holdId, now);
}

/**
 * Ends an offer whose time is over, unless its place went into an order meanwhile (the order being
 * paid keeps it). The hold's row is locked first: « Commander » locks it too, so the order is
 * either seen here or made after the place went back.
 */
async function endOffer(db: Db, entryId: number, holdId: number, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const hold = await trx.selectFrom('holds').select('state').where('id', '=', holdId).forUpdate().executeTakeFirstOrThrow();
    const inOrder = await trx.selectFrom('order_lines').select('id').where('hold_id', '=', holdId).executeTakeFirst();
    if ((hold.state === 'held' && inOrder) || hold.state === 'confirmed') return;
    if (hold.state === 'held') await trx.updateTable('holds').set({ state: 'expired', ended_at: now }).where('id', '=', holdId).execute();
    await trx.updateTable('waitlist_entries').set({ status: 'expired', ended_at: now }).where('id', '=', entryId).where('status', '=', 'offered').execute();
  });
}

/** One mail for one offer, whoever sends it (the workflow's round, or staff offering by hand). */
export const offerMailKey = (entryId: number) => `waitlist-entry-${entryId}/offer`;

/** One mail for a family whose line ended before a place came. */
export const lineEndedMailKey = (entryId: number) => `waitlist-entry-${entryId}/ended`;

/** An entry with what each of its mails names: the family's address, the child, the product and the day. */
const entryForMail = (db: Db, entryId: number) =>
  db
    .selectFrom('waitlist_entries')
    .innerJoin('users', 'users.id', 'waitlist_entries.user_id')
    .innerJoin('dependants', 'dependants.id', 'waitlist_entries.dependant_id')
    .innerJoin('products', 'products.id', 'waitlist_entries.product_id')
    .select(['users.email', 'users.first_name', 'dependants.first_name as child', 'products.name as product', 'waitlist_entries.service_date'])
    .where('waitlist_entries.id', '=', entryId);

/** What the mail of a line that ended says; undefined unless the entry ended waiting (not offered, booked or left). */
export async function lineEndedMailFacts(db: Db, entryId: number) {
  const row = await entryForMail(db, entryId).select(['products.id as product_id', 'products.closed_days', 'waitlist_entries.status', 'waitlist_entries.offer_hold_id']).executeTakeFirst();
  if (!row || row.status !== 'expired' || row.offer_hold_id !== null) return undefined;
  const { closed_days, status: _status, offer_hold_id: _hold, ...facts } = row;
  return { ...facts, dayClosed: closed_days.includes(row.service_date) };
}

/** What the mail of an offer says: to whom, for which child, day and product, until when; undefined once no longer offered. */
export async function offerMailFacts(db: Db, entryId: number) {
  const row = await entryForMail(db, entryId).select('waitlist_entries.offered_until').executeTakeFirstOrThrow();
  return row.offered_until ? { ...row, offered_until: row.offered_until } : undefined;
}
