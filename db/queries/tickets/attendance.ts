// Présences et pointage: who is booked on a product's day, and whether they came, ticked on the
// list or checked in with their e-ticket code at the door. Every change is audited.
import type { Db } from '../../connection.ts';
import type { IsoDate } from '../../../domain/dates.ts';
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

/** The first day from `from` on which the product has a confirmed reservation. */
export async function nextBookedDay(db: Db, productId: number, from: IsoDate): Promise<IsoDate | null> {
  const row = await db
    .selectFrom('reservations')
    .select('service_date')
    .where('product_id', '=', productId)
    .where('state', '=', 'confirmed')
    .where('service_date', '>=', from)
    .orderBy('service_date')
    .limit(1)
    .executeTakeFirst();
  return row?.service_date ?? null;
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
      'dependants.notes',
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
}

/** Presence or absence of a confirmed reservation of this product; false when there is none. */
export async function markAttendance(db: Db, productId: number, marking: Marking): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const reservation = await trx
      .selectFrom('reservations')
      .select(['id', 'service_date'])
      .where('id', '=', marking.reservationId)
      .where('product_id', '=', productId)
      .where('state', '=', 'confirmed')
      .forUpdate()
      .executeTakeFirst();
    if (!reservation) return false;
    const before = await trx.selectFrom('attendance').select(['status', 'reason']).where('reservation_id', '=', reservation.id).executeTakeFirst();
    const values = { status: marking.status, reason: marking.reason, method: marking.method, recorded_by: marking.staffId, recorded_at: marking.now };
    await trx
      .insertInto('attendance')
      .values({ reservation_id: reservation.id, ...values })
      .onConflict((oc) => oc.column('reservation_id').doUpdateSet(values))
      .execute();
    await recordAudit(trx, {
      actorId: marking.staffId,
      action: 'attendance.marked',
      subject: { type: 'reservation', id: reservation.id },
      details: { before: before ?? null, after: { status: marking.status, reason: marking.reason, method: marking.method }, day: reservation.service_date },
    });
    return true;
  });
}

export type CheckIn =
  | { ok: true; child: string }
  | { ok: false; reason: 'unknown' | 'other-product' | 'cancelled' }
  | { ok: false; reason: 'other-day'; day: IsoDate }
  | { ok: false; reason: 'already'; child: string; at: Date };

/** The e-ticket's code, typed or scanned at the door of this product's day. */
export async function checkInByCode(db: Db, input: { productId: number; day: IsoDate; code: string; staffId: number; now: Date }): Promise<CheckIn> {
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
  if (ticket.service_date !== input.day) return { ok: false, reason: 'other-day', day: ticket.service_date };
  if (ticket.status === 'present' && ticket.recorded_at) return { ok: false, reason: 'already', child, at: ticket.recorded_at };
  await markAttendance(db, input.productId, { reservationId: ticket.id, status: 'present', reason: null, method: 'code', staffId: input.staffId, now: input.now });
  return { ok: true, child };
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
