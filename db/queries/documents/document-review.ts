// Staff review a family's supporting document at any time: accepted until a day (or for good), or
// refused with a reason; the documents waiting for review in their communes; a document expired
// on its day. Every decision is audited under the family.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import type { IsoDate } from '../../../domain/dates.ts';
import { recordAudit } from '../staff/index.ts';

export type DocumentDecision = { accepted: true; expiresOn: IsoDate | null } | { accepted: false; reason: string };

/** The decision recorded, the document as decided; the caller has checked the family is in scope. */
export async function reviewDocument(db: Db, input: { documentId: number; decision: DocumentDecision; staffId: number; now: Date }) {
  const { decision } = input;
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('documents').select(['owner_id', 'kind', 'status', 'expires_on']).where('id', '=', input.documentId).forUpdate().executeTakeFirstOrThrow();
    // A PAI is health data of the child's file, never a supporting document staff decide.
    if (before.kind === 'pai') throw new Error(`document ${input.documentId} is a PAI: no decision`);
    const updated = await trx
      .updateTable('documents')
      .set(
        decision.accepted
          ? { status: 'accepted', refusal_reason: null, expires_on: decision.expiresOn, reviewed_at: input.now }
          : { status: 'refused', refusal_reason: decision.reason, expires_on: null, reviewed_at: input.now },
      )
      .where('id', '=', input.documentId)
      .returning(['id', 'owner_id', 'kind', 'status', 'expires_on'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: input.staffId,
      action: decision.accepted ? 'document.accepted' : 'document.refused',
      subject: { type: 'user', id: before.owner_id },
      details: { documentId: input.documentId, kind: before.kind, before: { status: before.status, expiresOn: before.expires_on }, after: decision },
    });
    return updated;
  });
}

/** The documents waiting for a review, of families of these communes, the oldest first. */
export function documentsToReview(db: Db, communeIds: number[]) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('documents')
    .innerJoin('users', 'users.id', 'documents.owner_id')
    .select(['documents.id', 'documents.kind', 'documents.file_name', 'documents.uploaded_at', 'users.id as familyId', 'users.email', 'users.first_name', 'users.last_name'])
    .where('documents.status', '=', 'pending')
    // A medical certificate is judged with its absence (« Absences à examiner »); a PAI is health
    // data of the child's file, never a supporting document to decide.
    .where('documents.kind', 'not in', ['certificat-medical', 'pai'])
    .where('users.commune_id', 'in', communeIds)
    .orderBy('documents.uploaded_at')
    .limit(200)
    .execute();
}

/** Marks the document expired if it is still accepted until that day; whether it was. */
export async function expireDocument(db: Db, documentId: number, expiresOn: IsoDate): Promise<boolean> {
  const result = await db
    .updateTable('documents')
    .set({ status: 'expired' })
    .where('id', '=', documentId)
    .where('status', '=', 'accepted')
    .where(sql<boolean>`expires_on = ${expiresOn}::date`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** What the expiry mails say: the family and the document. */
export function documentForMail(db: Db, documentId: number) {
  return db
    .selectFrom('documents')
    .innerJoin('users', 'users.id', 'documents.owner_id')
    .select(['documents.id', 'documents.kind', 'documents.file_name', 'documents.status', 'documents.expires_on', 'users.email', 'users.first_name'])
    .where('documents.id', '=', documentId)
    .executeTakeFirstOrThrow();
}

/** Whose document it is and its kind; undefined when there is none. */
export function documentOwner(db: Db, documentId: number): Promise<{ ownerId: number; kind: string } | undefined> {
  return db.selectFrom('documents').select(['owner_id as ownerId', 'kind']).where('id', '=', documentId).executeTakeFirst();
}

/** The document types the family holds accepted and valid on the day. */
export async function validDocumentTypes(db: Db, userId: number, today: IsoDate): Promise<string[]> {
  const rows = await db
    .selectFrom('documents')
    .select('kind')
    .distinct()
    .where('owner_id', '=', userId)
    .where('status', '=', 'accepted')
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', today)]))
    .execute();
  return rows.map((row) => row.kind);
}
