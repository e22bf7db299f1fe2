// Présences et pointage: who is booked on a product's day, and whether they came, ticked on the
// list or checked in with their e-ticket code at the door. Every change is audited.
import type { Transaction } from 'kysely';
import type { Db } from '../../connection.ts';
import type { Database } from '../../database.ts';
import type { IsoDate } from '../../../domain/dates.ts';
import { presenceAllowed, presenceDay } from '../../../domain/attendance.ts';
import { recordAudit } from '../staff/index.ts';

/** The products staff of these communes run, for the choice of a list. */
export function productsOfCommunes(db: Db, communeIds: number[]) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('products')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .select(['products.id', 'products.name', 'products.category', 'communes.name as commune'])
    .where('products.commune_id', 'in', communeIds)
    .orderBy('communes.name')
    .orderBy('products.name')
    .execute();
}

/** A product of these communes, or undefined (another commune's, or none). */
export function productInCommunes(db: Db, productId: number, communeIds: number[]) {
  if (communeIds.length === 0) return Promise.resolve(undefined);
  return db
    .selectFrom('products')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .select(['products.id', 'products.name', 'products.category', 'products.commune_id', 'communes.name as commune'])
    .where('products.id', '=', productId)
    .where('products.commune_id', 'in', communeIds)
    .executeTakeFirst();
}

/** Each prestation of the product that day: its places and how many are booked. */
export function dayCapacity(db: Db, productId: number, date: IsoDate) {
  return db
    .selectFrom('prestations')
    .leftJoin('slots', (join) => join.onRef('slots.prestation_id', '=', 'prestations.id').on('slots.service_date', '=', date))
    .select((eb) => [
      'prestations.id',
      'prestations.label',
      'slots.capacity',
      eb
        .selectFrom('reservations')
        .select((sub) => sub.fn.countAll<string>().as('n'))
        .whereRef('reservations.prestation_id', '=', 'prestations.id')
        .where('reservations.service_date', '=', date)
        .where('reservations.state', '=', 'confirmed')
        .as('booked'),
    ])
    .where('prestations.product_id', '=', productId)
    .orderBy('prestations.position')
    .execute();
}

/** The children booked that day (for one prestation, or all), with what staff need at the door. */
export function attendanceList(db: Db, productId: number, date: IsoDate, prestationId: number | null) {
  let query = db
    .selectFrom('reservations')
    .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
    .innerJoin('users', 'users.id', 'reservations.user_id')
    .innerJoin('prestations', 'prestations.id', 'reservations.prestation_id')
    .leftJoin('attendance', 'attendance.reservation_id', 'reservations.id')
    .select([
      'reservations.id as reservationId',
      'dependants.id as childId',
      'dependants.first_name as firstName',
      'dependants.last_name as lastName',
      'dependants.birth_date as birthDate',
      'users.id as familyId',
      'users.first_name as guardianFirstName',
      'users.last_name as guardianLastName',
      'users.phone',
      'users.email',
      'prestations.label as prestation',
      'attendance.status',
      'attendance.reason',
      'attendance.method',
      'attendance.recorded_at as recordedAt',
      // An absence for illness the family declared for the day (refused ones left out).
      (eb) =>
        eb
          .selectFrom('absence_days')
          .innerJoin('absences', 'absences.id', 'absence_days.absence_id')
          .select('absences.status')
          .whereRef('absence_days.reservation_id', '=', 'reservations.id')
          .where('absences.status', '!=', 'refused')
          .as('declaredAbsence'),
    ])
    .where('reservations.product_id', '=', productId)
    .where('reservations.service_date', '=', date)
    .where('reservations.state', '=', 'confirmed');
  if (prestationId !== null) query = query.where('reservations.prestation_id', '=', prestationId);
  return query.orderBy('dependants.last_name').orderBy('dependants.first_name').execute();
}

export type AttendanceRow = Awaited<ReturnType<typeof attendanceList>>[number];

interface Marking {
  reservationId: number;
  status: 'present' | 'absent';
  reason: string | null;
  method: 'list' | 'code';
  staffId: number;
  now: Date;
  /** Today in Paris: a presence is written on its day, on a day gone once confirmed, never ahead. */
  today: IsoDate;
  confirmed: boolean;
}

export type Marked =
  | { ok: true; child: string }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'future' | 'confirm'; day: IsoDate; child: string };

/** Presence or absence of a confirmed reservation of this product, by the day's rule for a presence. */
export async function markAttendance(db: Db, productId: number, marking: Marking): Promise<Marked> {
  return db.transaction().execute(async (trx) => {
    const reservation = await trx
      .selectFrom('reservations')
      .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
      .select(['reservations.id', 'reservations.service_date', 'dependants.first_name', 'dependants.last_name'])
      .where('reservations.id', '=', marking.reservationId)
      .where('reservations.product_id', '=', productId)
      .where('reservations.state', '=', 'confirmed')
      .forUpdate(['reservations'])
      .executeTakeFirst();
    if (!reservation) return { ok: false, reason: 'unknown' };
    const child = `${reservation.first_name} ${reservation.last_name}`;
    if (marking.status === 'present') {
      const allowed = presenceAllowed(reservation.service_date, marking.today, marking.confirmed);
      if (allowed !== 'ok') return { ok: false, reason: allowed, day: reservation.service_date, child };
    }
    const before = await trx.selectFrom('attendance').select(['status', 'reason']).where('reservation_id', '=', reservation.id).executeTakeFirst();
    await writeMarking(trx, { reservationId: reservation.id, day: reservation.service_date, before: before ?? null, status: marking.status, reason: marking.reason, method: marking.method, staffId: marking.staffId, now: marking.now });
    return { ok: true, child };
  });
}

async function writeMarking(
  trx: Transaction<Database>,
  m: { reservationId: number; day: IsoDate; before: { status: string; reason: string | null } | null; status: 'present' | 'absent'; reason: string | null; method: 'list' | 'code'; staffId: number; now: Date },
) {
  const values = { status: m.status, reason: m.reason, method: m.method, recorded_by: m.staffId, recorded_at: m.now };
  await trx
    .insertInto('attendance')
    .values({ reservation_id: m.reservationId, ...values })
    .onConflict((oc) => oc.column('reservation_id').doUpdateSet(values))
    .execute();
  await recordAudit(trx, {
    actorId: m.staffId,
    action: 'attendance.marked',
    subject: { type: 'reservation', id: m.reservationId },
    details: { before: m.before, after: { status: m.status, reason: m.reason, method: m.method }, day: m.day },
  });
}

/**
 * « Tous présents »: the children ticked among those booked that day and not yet checked in are
 * noted present at once; a child already noted (present, or absent with its reason) stays so.
 * The day's rule is the caller's (one day for all). The children noted; null when none ticked is booked that day.
 */
export async function markAllPresent(db: Db, productId: number, input: { day: IsoDate; reservationIds: number[]; staffId: number; now: Date }): Promise<{ id: number; child: string }[] | null> {
  if (input.reservationIds.length === 0) return null;
  return db.transaction().execute(async (trx) => {
    const booked = await trx
      .selectFrom('reservations')
      .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
      .select(['reservations.id', 'dependants.first_name', 'dependants.last_name'])
      .where('reservations.id', 'in', input.reservationIds)
      .where('reservations.product_id', '=', productId)
      .where('reservations.service_date', '=', input.day)
      .where('reservations.state', '=', 'confirmed')
      .orderBy('dependants.last_name')
      .orderBy('dependants.first_name')
      .forUpdate(['reservations'])
      .execute();
    if (booked.length === 0) return null;
    const noted = new Set(
      (await trx.selectFrom('attendance').select('reservation_id').where('reservation_id', 'in', booked.map((r) => r.id)).execute()).map((r) => r.reservation_id),
    );
    const marked: { id: number; child: string }[] = [];
    for (const row of booked.filter((r) => !noted.has(r.id))) {
      await writeMarking(trx, { reservationId: row.id, day: input.day, before: null, status: 'present', reason: null, method: 'list', staffId: input.staffId, now: input.now });
      marked.push({ id: row.id, child: `${row.first_name} ${row.last_name}` });
    }
    return marked;
  });
}

export type CheckIn =
  | { ok: true; child: string; reservationId: number }
  | { ok: false; reason: 'unknown' | 'other-product' | 'cancelled' }
  | { ok: false; reason: 'other-day' | 'future'; day: IsoDate }
  | { ok: false; reason: 'confirm'; day: IsoDate; child: string }
  | { ok: false; reason: 'already'; child: string; at: Date };

/**
 * The e-ticket's code, typed or scanned at the door of this product's day: a ticket of another
 * day is refused (a day ahead always; a day gone unless it is the day shown and staff confirm).
 */
export async function checkInByCode(db: Db, input: { productId: number; day: IsoDate; code: string; staffId: number; now: Date; today: IsoDate; confirmed: boolean }): Promise<CheckIn> {
  const ticket = await db
    .selectFrom('e_tickets')
    .innerJoin('reservations', 'reservations.id', 'e_tickets.reservation_id')
    .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
    .leftJoin('attendance', 'attendance.reservation_id', 'reservations.id')
    .select([
      'reservations.id', 'reservations.product_id', 'reservations.service_date', 'reservations.state',
      'dependants.first_name', 'dependants.last_name', 'attendance.status', 'attendance.recorded_at',
    ])
    .where('e_tickets.code', '=', input.code)
    .executeTakeFirst();
  if (!ticket) return { ok: false, reason: 'unknown' };
  const child = `${ticket.first_name} ${ticket.last_name}`;
  if (ticket.product_id !== input.productId) return { ok: false, reason: 'other-product' };
  if (ticket.state !== 'confirmed') return { ok: false, reason: 'cancelled' };
  if (presenceDay(ticket.service_date, input.today) === 'future') return { ok: false, reason: 'future', day: ticket.service_date };
  if (ticket.service_date !== input.day) return { ok: false, reason: 'other-day', day: ticket.service_date };
  if (ticket.status === 'present' && ticket.recorded_at) return { ok: false, reason: 'already', child, at: ticket.recorded_at };
  const marked = await markAttendance(db, input.productId, { reservationId: ticket.id, status: 'present', reason: null, method: 'code', staffId: input.staffId, now: input.now, today: input.today, confirmed: input.confirmed });
  if (marked.ok) return { ok: true, child, reservationId: ticket.id };
  // Cancelled between the two reads: said as the ticket's state.
  if (marked.reason === 'unknown') return { ok: false, reason: 'cancelled' };
  return marked.reason === 'confirm' ? { ok: false, reason: 'confirm', day: marked.day, child } : { ok: false, reason: 'future', day: marked.day };
}

/** A family's attendance, the latest first, for its page in the back office. */
export function familyAttendance(db: Db, userId: number, limit = 50) {
  return db
    .selectFrom('attendance')
    .innerJoin('reservations', 'reservations.id', 'attendance.reservation_id')
    .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
    .innerJoin('products', 'products.id', 'reservations.product_id')
    .select(['reservations.service_date as day', 'dependants.first_name as firstName', 'products.name as product', 'attendance.status', 'attendance.reason'])
    .where('reservations.user_id', '=', userId)
    .orderBy('reservations.service_date', 'desc')
    .limit(limit)
    .execute();
}
