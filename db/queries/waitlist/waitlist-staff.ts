// Staff's side of the waiting lists: a product's lines for the days ahead, in their order; a
// family moved to the front of its line, or offered a place by hand (a free one, or one added for
// it), each with a reason written to the audit log.
import { sql } from 'kysely';
import type { IsoDate } from '../../../domain/dates.ts';
import type { Db } from '../../connection.ts';
import { recordAudit } from '../staff/index.ts';
import { LINE_ORDER, offerPlace, offerTerms } from './waitlist.ts';

export interface LineEntry {
  id: number;
  service_date: IsoDate;
  prestation: string;
  status: 'waiting' | 'offered';
  position: number | null;
  offered_until: Date | null;
  child: string;
  family: string;
  email: string;
  resident: boolean;
}

/** The product's waiting lines from `from` on, each in its order (residents first when the product says so). */
export async function productLines(db: Db, productId: number, from: IsoDate): Promise<LineEntry[]> {
  const { rows } = await sql<LineEntry>`
    select e.id, e.service_date::text as service_date, pr.label as prestation, e.status, e.offered_until,
      d.first_name as child, concat_ws(' ', u.first_name, u.last_name) as family, u.email,
      (u.commune_id is not distinct from p.commune_id) as resident,
      case when e.status = 'waiting' then row_number() over (partition by e.slot_id, e.status order by ${LINE_ORDER})::int end as position
    from waitlist_entries e
    join products p on p.id = e.product_id
    join slots s on s.id = e.slot_id
    join prestations pr on pr.id = s.prestation_id
    join users u on u.id = e.user_id
    join dependants d on d.id = e.dependant_id
    where e.product_id = ${productId} and e.service_date >= ${from} and e.status in ('waiting', 'offered')
    order by e.service_date, pr.label, e.status desc, position`.execute(db);
  return rows;
}

/** Moves a waiting family to the front of its line; the line's day, or null when it no longer waits. */
export async function moveToFront(db: Db, input: { productId: number; entryId: number; staffId: number; reason: string }): Promise<IsoDate | null> {
  return db.transaction().execute(async (trx) => {
    const entry = await trx.selectFrom('waitlist_entries').select(['slot_id', 'service_date', 'user_id']).where('id', '=', input.entryId).where('product_id', '=', input.productId).where('status', '=', 'waiting').forUpdate().executeTakeFirst();
    if (!entry) return null;
    const front = await trx.selectFrom('waitlist_entries').select((eb) => eb.fn.min('rank_at').as('first')).where('slot_id', '=', entry.slot_id).where('status', '=', 'waiting').executeTakeFirstOrThrow();
    await trx.updateTable('waitlist_entries').set({ rank_at: sql`${front.first}::timestamptz - interval '1 second'` }).where('id', '=', input.entryId).execute();
    await recordAudit(trx, { actorId: input.staffId, action: 'waitlist.moved-up', subject: { type: 'user', id: entry.user_id }, details: { entryId: input.entryId, day: entry.service_date, reason: input.reason } });
    return entry.service_date;
  });
}

export type HandOffer = { ok: true; day: IsoDate } | { ok: false; reason: 'gone' | 'full' | 'too-late' | 'closed' };

/**
 * Offers a place to a waiting family now, whatever its rank: a free place of the day, or one
 * added for it (`addPlace`). The day's row stays locked until the offer is made, so that the
 * day's list does not give the place added to another family meanwhile.
 */
export async function offerByHand(db: Db, input: { productId: number; entryId: number; addPlace: boolean; staffId: number; reason: string; now: Date }): Promise<HandOffer> {
  return db.transaction().execute(async (trx) => {
    const entry = await trx.selectFrom('waitlist_entries').select(['slot_id', 'service_date', 'user_id']).where('id', '=', input.entryId).where('product_id', '=', input.productId).where('status', '=', 'waiting').forUpdate().executeTakeFirst();
    if (!entry) return { ok: false, reason: 'gone' };
    const terms = await offerTerms(trx, input.productId, entry.service_date, input.now);
    if (typeof terms === 'string') return { ok: false, reason: terms };
    const slot = await trx.selectFrom('slots').select(['prestation_id', 'capacity', 'taken']).where('id', '=', entry.slot_id).forUpdate().executeTakeFirstOrThrow();
    if (slot.taken >= slot.capacity) {
      if (!input.addPlace) return { ok: false, reason: 'full' };
      await trx.updateTable('slots').set({ capacity: slot.capacity + 1 }).where('id', '=', entry.slot_id).execute();
    }
    const offered = await offerPlace(trx, { entryId: input.entryId, ...terms, prestationId: slot.prestation_id, now: input.now });
    if (!offered.ok) return { ok: false, reason: offered.reason };
    await recordAudit(trx, {
      actorId: input.staffId,
      action: 'waitlist.offered-by-hand',
      subject: { type: 'user', id: entry.user_id },
      details: { entryId: input.entryId, day: entry.service_date, placeAdded: slot.taken >= slot.capacity, reason: input.reason },
    });
    return { ok: true, day: entry.service_date };
  });
}
