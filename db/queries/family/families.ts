// Families as staff see them: only those of their communes (residence, or a request for one of
// their communes' services).
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../connection.ts';
import type { DocumentKind } from '../../database.ts';
import { recordAudit } from '../staff/index.ts';
import type { Database } from '../../database.ts';

/** A condition on `users` that keeps the families of these communes. */
function inCommunes(communeIds: number[]) {
  return (eb: ExpressionBuilder<Database, 'users'>) =>
    eb.or([
      eb('users.commune_id', 'in', communeIds),
      eb.exists(
        eb
          .selectFrom('subscriptions')
          .innerJoin('service_offers', 'service_offers.id', 'subscriptions.service_offer_id')
          .select('subscriptions.id')
          .whereRef('subscriptions.user_id', '=', 'users.id')
          .where('service_offers.commune_id', 'in', communeIds),
      ),
    ]);
}

export async function isFamilyInScope(db: Db, communeIds: number[], userId: number): Promise<boolean> {
  if (communeIds.length === 0) return false;
  const row = await db.selectFrom('users').select('users.id').where('users.id', '=', userId).where('users.role', '=', 'parent').where(inCommunes(communeIds)).executeTakeFirst();
  return row !== undefined;
}

/** Families whose parent's name or e-mail, or a dependant's name, contains the text. */
export async function searchFamilies(db: Db, communeIds: number[], text: string) {
  if (communeIds.length === 0) return [];
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('users')
    .leftJoin('communes', 'communes.id', 'users.commune_id')
    .select(['users.id', 'users.email', 'users.first_name', 'users.last_name', 'users.status', 'communes.name as commune'])
    .where('users.role', '=', 'parent')
    .where(inCommunes(communeIds))
    .$if(text.length > 0, (q) =>
      q.where((eb) =>
        eb.or([
          eb(sql`users.first_name || ' ' || users.last_name`, 'ilike', pattern),
          eb('users.email', 'ilike', pattern),
          eb.exists(
            eb
              .selectFrom('dependants')
              .select('dependants.id')
              // A shared child finds both its guardians.
              .where((inner) => inner.or([inner('dependants.guardian_id', '=', inner.ref('users.id')), inner('dependants.co_guardian_id', '=', inner.ref('users.id'))]))
              .where(sql`dependants.first_name || ' ' || dependants.last_name`, 'ilike', pattern),
          ),
        ]),
      ),
    )
    .orderBy('users.last_name')
    .orderBy('users.first_name')
    .limit(50)
    .execute();
}

/** Staff enter the family's quotient familial (null: unknown, the top pricing tier), audited. */
export async function setQuotientFamilial(db: Db, input: { staffId: number; userId: number; quotient: number | null }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').select('quotient_familial').where('id', '=', input.userId).forUpdate().executeTakeFirstOrThrow();
    await trx.updateTable('users').set({ quotient_familial: input.quotient }).where('id', '=', input.userId).execute();
    await recordAudit(trx, {
      actorId: input.staffId,
      action: 'family.quotient_familial',
      subject: { type: 'user', id: input.userId },
      details: { before: before.quotient_familial, after: input.quotient },
    });
  });
}

/** A family's supporting documents as staff list them, newest first. */
export function familyDocuments(db: Db, ownerIds: number[]) {
  if (ownerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('documents')
    .select(['id', 'owner_id', 'kind', 'file_name', 'status', 'refusal_reason', 'uploaded_at', 'size_bytes', 'mime_type', 'expires_on'])
    .where('owner_id', 'in', ownerIds)
    .orderBy('uploaded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** A stored document's owner and where its bytes are, to serve it to who may see it. */
export function storedDocument(db: Db, documentId: number) {
  return db.selectFrom('documents').select(['owner_id', 'storage_key', 'mime_type', 'file_name']).where('id', '=', documentId).executeTakeFirst();
}

/** Records an uploaded document (its bytes are already stored under `storageKey`); its id. */
/** What one family may upload: documents and bytes kept, and uploads in the last hour. */
export const DOCUMENT_QUOTA = { documents: 40, bytes: 150 * 1024 * 1024, perHour: 12 };

export type DocumentRefusal = { quota: 'documents' | 'bytes' | 'per-hour' };

/**
 * Records an uploaded document within the family's quota. The family's row is locked while the
 * quota is counted, so concurrent uploads are counted one after the other.
 */
export async function addDocument(
  db: Db,
  document: { ownerId: number; kind: DocumentKind; fileName: string; mimeType: 'application/pdf' | 'image/jpeg' | 'image/png'; sizeBytes: number; sha256: string; storageKey: string },
  now: Date,
): Promise<{ id: number } | DocumentRefusal> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('users').select('id').where('id', '=', document.ownerId).forUpdate().executeTakeFirstOrThrow();
    const kept = await trx
      .selectFrom('documents')
      .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.coalesce(eb.fn.sum<string>('size_bytes'), eb.val('0')).as('bytes')])
      .where('owner_id', '=', document.ownerId)
      .executeTakeFirstOrThrow();
    const lastHour = await trx
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('owner_id', '=', document.ownerId)
      .where('uploaded_at', '>', new Date(now.getTime() - 3600_000))
      .executeTakeFirstOrThrow();
    if (Number(lastHour.count) >= DOCUMENT_QUOTA.perHour) return { quota: 'per-hour' };
    if (Number(kept.count) >= DOCUMENT_QUOTA.documents) return { quota: 'documents' };
    if (Number(kept.bytes) + document.sizeBytes > DOCUMENT_QUOTA.bytes) return { quota: 'bytes' };
    const row = await trx
      .insertInto('documents')
      .values({
        owner_id: document.ownerId, kind: document.kind, file_name: document.fileName, mime_type: document.mimeType, size_bytes: document.sizeBytes,
        sha256: document.sha256, storage_key: document.storageKey, uploaded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id };
  });
}
