// Absences for illness, declared by a parent for booked days of one child and product: the days
// still declarable, the declaration, its certificate, and the staff decision that credits each
// day's net paid price to the wallet, once, freeing the places of days still ahead.
import { certificateDueAt, isDeclarable } from '../../../domain/absences.ts';
import { formatShortDate, parisDate, type IsoDate } from '../../../domain/dates.ts';
import type { AbsenceStatus } from '../../absence-tables.ts';
import type { Db } from '../../connection.ts';
import { isUniqueViolation } from '../../errors.ts';
import { recordAudit } from '../staff/index.ts';
import { cancelAndRefund, refundKeptReservation } from '../orders/index.ts';

const rulesOf = (product: { absence_declare_hours: number; absence_certificate_days: number }) => ({
  declareHours: product.absence_declare_hours,
  certificateDays: product.absence_certificate_days,
});

/** The family's confirmed reservations, with what decides whether an absence may name them. */
function familyReservations(db: Db, userId: number) {
  return db
    .selectFrom('reservations')
    .innerJoin('products', 'products.id', 'reservations.product_id')
    .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
    .leftJoin('absence_days', 'absence_days.reservation_id', 'reservations.id')
    .select([
      'reservations.id', 'reservations.service_date', 'reservations.dependant_id', 'reservations.product_id', 'products.name as product',
      'products.absence_declare_hours', 'products.absence_certificate_days', 'dependants.first_name as child', 'absence_days.absence_id',
    ])
    .where('reservations.user_id', '=', userId)
    .where('reservations.state', '=', 'confirmed');
}

export interface DeclarableDays {
  product: string;
  child: string;
  certificateDays: number;
  days: { reservationId: number; date: string }[];
}

/** The days of the reservation's child and product an absence may still name, the reservation's first. */
export async function declarableDays(db: Db, userId: number, reservationId: number, now: Date): Promise<DeclarableDays | null> {
  const chosen = await familyReservations(db, userId).where('reservations.id', '=', reservationId).executeTakeFirst();
  if (!chosen || chosen.absence_id !== null || !isDeclarable(chosen.service_date, rulesOf(chosen), now)) return null;
  const rows = await familyReservations(db, userId)
    .where('reservations.dependant_id', '=', chosen.dependant_id)
    .where('reservations.product_id', '=', chosen.product_id)
    .where('absence_days.absence_id', 'is', null)
    .orderBy('reservations.service_date')
    .execute();
  const days = rows.filter((row) => isDeclarable(row.service_date, rulesOf(row), now)).map((row) => ({ reservationId: row.id, date: row.service_date }));
  return { product: chosen.product, child: chosen.child, certificateDays: chosen.absence_certificate_days, days };
}

/** The reservations an absence may be declared for, among these (for the « Déclarer une absence » links). */
export async function declarableReservations(db: Db, userId: number, now: Date): Promise<Set<number>> {
  // No product lets a day be declared more than 720 hours (30 days) after it: older days are not read.
  const rows = await familyReservations(db, userId).where('absence_days.absence_id', 'is', null).where('reservations.service_date', '>=', parisDate(new Date(now.getTime() - 31 * 86_400_000))).execute();
  return new Set(rows.filter((row) => isDeclarable(row.service_date, rulesOf(row), now)).map((row) => row.id));
}

export type DeclareResult = { ok: true; absenceId: number; certificateDueAt: Date } | { ok: false; error: string };

/** Declares the absence: the days must be the family's, of one child and product, still declarable and in no other absence. */
export async function declareAbsence(db: Db, input: { userId: number; reservationIds: number[]; now: Date }): Promise<DeclareResult> {
  if (input.reservationIds.length === 0) return { ok: false, error: 'Cochez au moins un jour d’absence.' };
  try {
    return await db.transaction().execute(async (trx) => {
      const rows = await familyReservations(trx, input.userId).where('reservations.id', 'in', input.reservationIds).execute();
      const first = rows[0];
      if (!first || rows.length !== new Set(input.reservationIds).size) return { ok: false, error: 'Un des jours choisis n’est pas une de vos réservations.' };
      if (rows.some((row) => row.dependant_id !== first.dependant_id || row.product_id !== first.product_id)) return { ok: false, error: 'Déclarez une absence par enfant et par prestation.' };
      const late = rows.find((row) => !isDeclarable(row.service_date, rulesOf(row), input.now));
      if (late) return { ok: false, error: `Le ${formatShortDate(late.service_date)} ne peut plus être déclaré : le délai est dépassé.` };
      if (rows.some((row) => row.absence_id !== null)) return { ok: false, error: 'Un des jours choisis a déjà une absence déclarée.' };
      const dueAt = certificateDueAt(input.now, rulesOf(first));
      const absence = await trx
        .insertInto('absences')
        .values({ user_id: input.userId, dependant_id: first.dependant_id, product_id: first.product_id, certificate_due_at: dueAt, declared_at: input.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('absence_days').values(rows.map((row) => ({ absence_id: absence.id, reservation_id: row.id }))).execute();
      return { ok: true as const, absenceId: absence.id, certificateDueAt: dueAt };
    });
  } catch (error) {
    // The same day declared from two tabs at once: the unique index stops the second.
    if (isUniqueViolation(error, 'absence_days_reservation_id_key')) return { ok: false, error: 'Un des jours choisis a déjà une absence déclarée.' };
    throw error;
  }
}

/** The certificate, sent in time: the absence goes to staff. False when it is no longer awaited. */
export async function attachCertificate(db: Db, input: { absenceId: number; userId: number; documentId: number; now: Date }): Promise<boolean> {
  const result = await db
    .updateTable('absences')
    .set({ certificate_id: input.documentId, status: 'waiting-staff' })
    .where('id', '=', input.absenceId)
    .where('user_id', '=', input.userId)
    .where('status', '=', 'waiting-certificate')
    .where('certificate_due_at', '>', input.now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** At the certificate's due time: unjustified if none came. The absence's status after. */
export async function closeCertificateDelay(db: Db, absenceId: number, now: Date): Promise<AbsenceStatus> {
  await db.updateTable('absences').set({ status: 'unjustified' }).where('id', '=', absenceId).where('status', '=', 'waiting-certificate').where('certificate_due_at', '<=', now).execute();
  return (await db.selectFrom('absences').select('status').where('id', '=', absenceId).executeTakeFirstOrThrow()).status;
}

export type AbsenceDecision = { accepted: true } | { accepted: false; reason: string };

/**
 * Staff's decision on an absence waiting for it. Accepted, each day still booked gives its net
 * paid price back to the wallet (keyed by absence and day: once), and a day still ahead frees its
 * place. Sent again, answers what was decided. The status and the sum credited.
 */
export async function decideAbsence(db: Db, input: { absenceId: number; staffId: number; decision: AbsenceDecision; now: Date }): Promise<{ status: AbsenceStatus; creditedCents: number; freed: { productId: number; day: IsoDate }[] }> {
  return db.transaction().execute(async (trx) => {
    const absence = await trx.selectFrom('absences').innerJoin('products', 'products.id', 'absences.product_id').select(['absences.status', 'absences.user_id', 'products.name']).where('absences.id', '=', input.absenceId).forUpdate(['absences']).executeTakeFirstOrThrow();
    const credited = async () => Number((await trx.selectFrom('absence_days').select((eb) => eb.fn.coalesce(eb.fn.sum<string>('credited_cents'), eb.lit(0)).as('cents')).where('absence_id', '=', input.absenceId).executeTakeFirstOrThrow()).cents);
    if (absence.status !== 'waiting-staff') return { status: absence.status, creditedCents: await credited(), freed: [] };
    const freed: { productId: number; day: IsoDate }[] = [];
    const { decision } = input;
    if (decision.accepted) {
      const today = parisDate(input.now);
      const days = await trx
        .selectFrom('absence_days')
        .innerJoin('reservations', 'reservations.id', 'absence_days.reservation_id')
        .selectAll('reservations')
        .where('absence_days.absence_id', '=', input.absenceId)
        .orderBy('reservations.service_date')
        .forUpdate(['reservations'])
        .execute();
      for (const day of days) {
        // A day cancelled meanwhile (a closure, the family) was refunded then.
        let cents = 0;
        if (day.state === 'confirmed') {
          const refund = { key: `absence-${input.absenceId}/day-${day.id}`, label: `Absence pour maladie : ${absence.name}, ${formatShortDate(day.service_date)}`, now: input.now };
          if (day.service_date > today) {
            cents = (await cancelAndRefund(trx, day, refund)).cents;
            freed.push({ productId: day.product_id, day: day.service_date });
          } else {
            cents = await refundKeptReservation(trx, day, refund);
          }
        }
        await trx.updateTable('absence_days').set({ credited_cents: cents }).where('absence_id', '=', input.absenceId).where('reservation_id', '=', day.id).execute();
      }
    }
    const status: AbsenceStatus = decision.accepted ? 'accepted' : 'refused';
    await trx
      .updateTable('absences')
      .set({ status, refusal_reason: decision.accepted ? null : decision.reason, decided_by: input.staffId, decided_at: input.now })
      .where('id', '=', input.absenceId)
      .execute();
    const creditedCents = await credited();
    await recordAudit(trx, {
      actorId: input.staffId,
      action: decision.accepted ? 'absence.accepted' : 'absence.refused',
      subject: { type: 'absence', id: input.absenceId },
      details: decision.accepted ? { creditedCents } : { reason: decision.reason },
    });
    return { status, creditedCents, freed };
  });
}
