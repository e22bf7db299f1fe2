// The service offers of the staff's communes and the supporting documents each requires before a
// family may ask for it; a change is audited.
import type { Db } from '../../connection.ts';
import type { DocumentKind } from '../../database.ts';
import { recordAudit } from '../staff/index.ts';

export function communeOffers(db: Db, communeIds: number[]) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_offers')
    .innerJoin('communes', 'communes.id', 'service_offers.commune_id')
    .select(['service_offers.id', 'service_offers.label', 'service_offers.required_documents', 'communes.name as commune'])
    .where('service_offers.commune_id', 'in', communeIds)
    .orderBy('communes.name')
    .orderBy('service_offers.position')
    .execute();
}

export type CommuneOffer = Awaited<ReturnType<typeof communeOffers>>[number];

/** The offer's commune (undefined: no such offer). */
export async function offerCommune(db: Db, offerId: number): Promise<number | undefined> {
  return (await db.selectFrom('service_offers').select('commune_id').where('id', '=', offerId).executeTakeFirst())?.commune_id;
}

export async function setOfferDocuments(db: Db, input: { staffId: number; offerId: number; documents: DocumentKind[] }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('service_offers').select('required_documents').where('id', '=', input.offerId).forUpdate().executeTakeFirstOrThrow();
    await trx.updateTable('service_offers').set({ required_documents: input.documents }).where('id', '=', input.offerId).execute();
    await recordAudit(trx, { actorId: input.staffId, action: 'offer.documents', subject: { type: 'service-offer', id: input.offerId }, details: { before: before.required_documents, after: input.documents } });
  });
}
