// A child's departure (« sortie ») recorded by staff at the door: once per reservation, for a child
// noted present on the day, with one of the persons the family listed (a guardian or a contact
// allowed to collect), or alone when the family authorised it for that weekday. Anyone else is
// refused, and the refusal is journalled without the name typed.
import type { Transaction } from 'kysely';
import type { Db } from '../../connection.ts';
import type { Database } from '../../database.ts';
import type { IsoDate } from '../../../domain/dates.ts';
import { listedPersonNamed } from '../../../domain/child-departure.ts';
import { recordAudit } from '../staff/index.ts';
import { collectorsOf, homeAloneOn, type Collector } from './staff-door.ts';

export type Collected = { kind: 'guardian' | 'contact'; id: number } | { kind: 'alone' } | { kind: 'named'; name: string };

export interface DepartureInput {
  productId: number;
  reservationId: number;
  who: Collected;
  leftAt: Date;
  /** Today in Paris: a departure is recorded on its day only. */
  today: IsoDate;
  staffId: number;
  now: Date;
}

export type DepartureOutcome =
  | { ok: true; child: string }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'not-today'; day: IsoDate; child: string }
  | { ok: false; reason: 'not-present' | 'not-listed' | 'not-alone'; child: string; firstName: string; day: IsoDate }
  | { ok: false; reason: 'already'; child: string };

type Refusal = 'not-listed' | 'not-alone';

async function refuse(trx: Transaction<Database>, input: DepartureInput, reason: Refusal) {
  // The name typed stays out of the journal: the reason is enough to follow it up.
  await recordAudit(trx, { actorId: input.staffId, action: 'child-departure.refused', subject: { type: 'reservation', id: input.reservationId }, details: { reservationId: input.reservationId, reason } });
}

const samePerson = (who: Collected, row: { collected_by: string; contact_id: number | null; guardian_id: number | null }) =>
  who.kind === 'alone' ? row.collected_by === 'alone' : who.kind === 'contact' ? row.contact_id === who.id : who.kind === 'guardian' ? row.guardian_id === who.id : false;

export async function recordDeparture(db: Db, input: DepartureInput): Promise<DepartureOutcome> {
  return db.transaction().execute(async (trx): Promise<DepartureOutcome> => {
    const booked = await trx
      .selectFrom('reservations')
      .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
      .leftJoin('attendance', 'attendance.reservation_id', 'reservations.id')
      .select(['reservations.id', 'reservations.service_date', 'reservations.dependant_id', 'dependants.first_name', 'dependants.last_name', 'attendance.status'])
      .where('reservations.id', '=', input.reservationId)
      .where('reservations.product_id', '=', input.productId)
      .where('reservations.state', '=', 'confirmed')
      .forUpdate(['reservations'])
      .executeTakeFirst();
    if (!booked) return { ok: false, reason: 'unknown' };
    const child = `${booked.first_name} ${booked.last_name}`;
    const said = { child, firstName: booked.first_name, day: booked.service_date };
    if (booked.service_date !== input.today) return { ok: false, reason: 'not-today', day: booked.service_date, child };
    const before = await trx.selectFrom('child_departures').select(['collected_by', 'contact_id', 'guardian_id']).where('reservation_id', '=', booked.id).executeTakeFirst();
    // The same form sent again (a double click, a reload) changes nothing and says it is done.
    if (before) return samePerson(input.who, before) ? { ok: true, child } : { ok: false, reason: 'already', child };
    if (booked.status !== 'present') return { ok: false, reason: 'not-present', ...said };

    let who: Collector | 'alone' | undefined;
    if (input.who.kind === 'alone') {
      if (!(await homeAloneOn(trx, [booked.dependant_id], booked.service_date)).has(booked.dependant_id)) {
        await refuse(trx, input, 'not-alone');
        return { ok: false, reason: 'not-alone', ...said };
      }
      who = 'alone';
    } else {
      const listed = (await collectorsOf(trx, [booked.dependant_id])).get(booked.dependant_id) ?? [];
      const asked = input.who;
      who = asked.kind === 'named' ? listedPersonNamed(listed, asked.name) : listed.find((person) => person.kind === asked.kind && person.id === asked.id);
      if (!who) {
        await refuse(trx, input, 'not-listed');
        return { ok: false, reason: 'not-listed', ...said };
      }
    }
    const collected = who === 'alone' ? { collected_by: 'alone' as const, contact_id: null, guardian_id: null } : who.kind === 'contact' ? { collected_by: 'contact' as const, contact_id: who.id, guardian_id: null } : { collected_by: 'guardian' as const, contact_id: null, guardian_id: who.id };
    await trx
      .insertInto('child_departures')
      .values({ reservation_id: booked.id, left_at: input.leftAt, ...collected, recorded_by: input.staffId, recorded_at: input.now })
      .onConflict((oc) => oc.column('reservation_id').doNothing())
      .execute();
    await recordAudit(trx, {
      actorId: input.staffId,
      action: 'child-departure.recorded',
      subject: { type: 'reservation', id: booked.id },
      details: { reservationId: booked.id, collectedBy: collected.collected_by, contactId: collected.contact_id, guardianId: collected.guardian_id },
    });
    return { ok: true, child };
  });
}
