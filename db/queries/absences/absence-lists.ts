// Absences as the family and staff read them: the family's own, the queue of those waiting for a
// decision in staff's communes, one absence with its days, and what its mails say.
import type { AbsenceStatus } from '../../absence-tables.ts';
import type { Db } from '../../connection.ts';

export interface AbsenceView {
  id: number;
  status: AbsenceStatus;
  product: string;
  communeId: number;
  child: string;
  familyId: number;
  family: string;
  email: string;
  parentFirstName: string | null;
  certificateId: number | null;
  certificateDueAt: Date;
  declaredAt: Date;
  refusalReason: string | null;
  days: { reservationId: number; date: string; creditedCents: number | null }[];
  /** What the days gave back to the wallet (0 until the absence is accepted). */
  creditedCents: number;
}

function absences(db: Db) {
  return db
    .selectFrom('absences')
    .innerJoin('products', 'products.id', 'absences.product_id')
    .innerJoin('dependants', 'dependants.id', 'absences.dependant_id')
    .innerJoin('users', 'users.id', 'absences.user_id')
    .select([
      'absences.id', 'absences.status', 'absences.certificate_id', 'absences.certificate_due_at', 'absences.declared_at', 'absences.refusal_reason',
      'products.name as product', 'products.commune_id', 'dependants.first_name as child', 'users.id as family_id', 'users.first_name', 'users.last_name', 'users.email',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof absences>['execute']>>[number];

async function withDays(db: Db, rows: Row[]): Promise<AbsenceView[]> {
  if (rows.length === 0) return [];
  const days = await db
    .selectFrom('absence_days')
    .innerJoin('reservations', 'reservations.id', 'absence_days.reservation_id')
    .select(['absence_days.absence_id', 'absence_days.reservation_id', 'absence_days.credited_cents', 'reservations.service_date'])
    .where('absence_days.absence_id', 'in', rows.map((row) => row.id))
    .orderBy('reservations.service_date')
    .execute();
  return rows.map((row) => {
    const ofRow = days.filter((day) => day.absence_id === row.id);
    return {
    id: row.id,
    status: row.status,
    product: row.product,
    communeId: row.commune_id,
    child: row.child,
    familyId: row.family_id,
    family: [row.first_name, row.last_name].filter(Boolean).join(' '),
    email: row.email,
    parentFirstName: row.first_name,
    certificateId: row.certificate_id,
    certificateDueAt: row.certificate_due_at,
    declaredAt: row.declared_at,
    refusalReason: row.refusal_reason,
    days: ofRow.map((day) => ({ reservationId: day.reservation_id, date: day.service_date, creditedCents: day.credited_cents })),
    creditedCents: ofRow.reduce((sum, day) => sum + (day.credited_cents ?? 0), 0),
    };
  });
}

/** What the absence's workflow starts from, should it have to start again. */
export const absenceInput = (absence: Pick<AbsenceView, 'id' | 'declaredAt' | 'certificateDueAt' | 'certificateId'>) => ({
  absenceId: absence.id,
  declaredAt: absence.declaredAt.toISOString(),
  certificateDueAt: absence.certificateDueAt.toISOString(),
  certificateSent: absence.certificateId !== null,
});

/** The family's absences, the latest first. */
export async function familyAbsences(db: Db, userId: number): Promise<AbsenceView[]> {
  return withDays(db, await absences(db).where('absences.user_id', '=', userId).orderBy('absences.id', 'desc').limit(100).execute());
}

/** One absence by its id (the routes check whose it is). */
export async function absenceView(db: Db, absenceId: number): Promise<AbsenceView | undefined> {
  return (await withDays(db, await absences(db).where('absences.id', '=', absenceId).execute()))[0];
}

/** « Absences à examiner »: those waiting for staff in these communes, the oldest first, then the latest decided. */
export async function communeAbsences(db: Db, communeIds: number[]): Promise<{ waiting: AbsenceView[]; recent: AbsenceView[] }> {
  if (communeIds.length === 0) return { waiting: [], recent: [] };
  const ofCommunes = absences(db).where('products.commune_id', 'in', communeIds);
  const [waiting, recent] = await Promise.all([
    ofCommunes.where('absences.status', '=', 'waiting-staff').orderBy('absences.declared_at').limit(200).execute(),
    ofCommunes.where('absences.status', '!=', 'waiting-staff').orderBy('absences.id', 'desc').limit(50).execute(),
  ]);
  return { waiting: await withDays(db, waiting), recent: await withDays(db, recent) };
}

/** The reservations of these that an absence names, not refused: attendance lists show them. */
export async function declaredAbsences(db: Db, reservationIds: number[]): Promise<Map<number, AbsenceStatus>> {
  if (reservationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('absence_days')
    .innerJoin('absences', 'absences.id', 'absence_days.absence_id')
    .select(['absence_days.reservation_id', 'absences.status'])
    .where('absence_days.reservation_id', 'in', reservationIds)
    .where('absences.status', '!=', 'refused')
    .execute();
  return new Map(rows.map((row) => [row.reservation_id, row.status]));
}

/** The certificate's id of an absence of these communes' products (staffDocument decides whether it opens). */
export function absenceCertificate(db: Db, communeIds: number[], absenceId: number) {
  if (communeIds.length === 0) return Promise.resolve(undefined);
  return db
    .selectFrom('absences')
    .innerJoin('products', 'products.id', 'absences.product_id')
    .select('absences.certificate_id')
    .where('absences.id', '=', absenceId)
    .where('products.commune_id', 'in', communeIds)
    .executeTakeFirst();
}
