// The fiche sanitaire as staff may see it: health data is special under the RGPD, so only for a
// confirmed reservation of their communes whose service day is today (in Paris), and every view
// is journalled (the child and the reservation, never what the file says).
import type { Db } from '../../connection.ts';
import type { IsoDate } from '../../../domain/dates.ts';
import { recordAudit } from '../staff/index.ts';

export interface HealthAccess {
  reservationId: number;
  communeIds: number[];
  today: IsoDate;
  staffId: number;
}

/** Why the file is not shown: another commune's reservation (403), or not one of today's (404). */
export type HealthRefusal = 'other-commune' | 'not-today';

/** The reservation behind the view, and whether the rule lets these staff see its child's file today. */
async function reservationFor(db: Db, access: HealthAccess) {
  const row = await db
    .selectFrom('reservations')
    .innerJoin('products', 'products.id', 'reservations.product_id')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
    .select([
      'reservations.id', 'reservations.state', 'reservations.service_date as day', 'reservations.dependant_id as childId',
      'products.id as productId', 'products.name as product', 'products.commune_id as communeId', 'communes.name as commune',
      'dependants.first_name as firstName', 'dependants.last_name as lastName', 'dependants.birth_date as birthDate',
    ])
    .where('reservations.id', '=', access.reservationId)
    .executeTakeFirst();
  if (!row || !access.communeIds.includes(row.communeId)) return 'other-commune' as const;
  if (row.state !== 'confirmed' || row.day !== access.today) return 'not-today' as const;
  return row;
}

/** The child's current fiche sanitaire and the persons to call, journalled as viewed; or why not. */
export async function openHealthRecord(db: Db, access: HealthAccess) {
  const reservation = await reservationFor(db, access);
  if (typeof reservation === 'string') return reservation;
  const [record, emergency] = await Promise.all([
    db
      .selectFrom('child_health_records')
      .select(['version', 'allergies', 'diets', 'has_pai', 'pai_document_id', 'treatments', 'dtp_last_on', 'vaccinations', 'doctor_name', 'doctor_phone', 'insurance_name', 'insurance_number', 'notes', 'recorded_at'])
      .where('dependant_id', '=', reservation.childId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('child_contacts')
      .select(['id', 'first_name as firstName', 'last_name as lastName', 'phone', 'relationship'])
      .where('dependant_id', '=', reservation.childId)
      .where('is_emergency', '=', true)
      .where('removed_at', 'is', null)
      .orderBy('id')
      .execute(),
  ]);
  await recordAudit(db, { actorId: access.staffId, action: 'child-health.viewed', subject: { type: 'dependant', id: reservation.childId }, details: { reservationId: reservation.id } });
  return { reservation, record: record ?? null, emergency };
}

export type HealthView = Exclude<Awaited<ReturnType<typeof openHealthRecord>>, HealthRefusal>;

/**
 * The PAI document of the child's current fiche sanitaire (never an older version's), under the
 * same rule as the view, its opening journalled; 'no-pai' when the fiche holds none.
 */
export async function openPaiDocument(db: Db, access: HealthAccess) {
  const reservation = await reservationFor(db, access);
  if (typeof reservation === 'string') return reservation;
  const current = await db.selectFrom('child_health_records').select(['pai_document_id', 'has_pai']).where('dependant_id', '=', reservation.childId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  const document =
    current?.has_pai && current.pai_document_id !== null
      ? await db.selectFrom('documents').select(['id', 'storage_key', 'mime_type', 'file_name']).where('id', '=', current.pai_document_id).where('kind', '=', 'pai').executeTakeFirst()
      : undefined;
  if (!document) return 'no-pai' as const;
  await recordAudit(db, { actorId: access.staffId, action: 'child-health.pai-opened', subject: { type: 'dependant', id: reservation.childId }, details: { reservationId: reservation.id } });
  return document;
}
