// "Mes services": a family's subscriptions to the communes' service offers.
import type { Db } from '../../connection.ts';
import type { SubscriptionStatus } from '../../database.ts';

export function familySubscriptions(db: Db, userId: number) {
  return db
    .selectFrom('subscriptions')
    .innerJoin('service_offers', 'service_offers.id', 'subscriptions.service_offer_id')
    .innerJoin('communes', 'communes.id', 'service_offers.commune_id')
    .select(['subscriptions.id', 'subscriptions.status', 'subscriptions.status_reason', 'service_offers.id as offer_id', 'service_offers.label as offer', 'communes.name as commune', 'communes.slug as commune_slug'])
    .where('subscriptions.user_id', '=', userId)
    .orderBy('communes.name')
    .orderBy('service_offers.position')
    .execute();
}

export async function offersByCommune(db: Db) {
  const rows = await db
    .selectFrom('service_offers')
    .innerJoin('communes', 'communes.id', 'service_offers.commune_id')
    .select(['service_offers.id', 'service_offers.label', 'service_offers.required_documents', 'communes.id as commune_id', 'communes.name as commune'])
    .orderBy('communes.name')
    .orderBy('service_offers.position')
    .execute();
  const groups: { commune: string; offers: { id: number; label: string; requiredDocuments: string[] }[] }[] = [];
  for (const row of rows) {
    const group = groups.at(-1)?.commune === row.commune ? groups.at(-1)! : (groups.push({ commune: row.commune, offers: [] }), groups.at(-1)!);
    group.offers.push({ id: row.id, label: row.label, requiredDocuments: row.required_documents });
  }
  return groups;
}

/** The family's subscription status for each of the given offers (null: never asked). */
export async function subscriptionStatuses(db: Db, userId: number, offerIds: number[]): Promise<Map<number, SubscriptionStatus>> {
  if (offerIds.length === 0) return new Map();
  const rows = await db.selectFrom('subscriptions').select(['service_offer_id', 'status']).where('user_id', '=', userId).where('service_offer_id', 'in', offerIds).execute();
  return new Map(rows.map((row) => [row.service_offer_id, row.status]));
}

/**
 * Files requests for the offers: new ones, or again after a refusal. Offers already requested or
 * validated are returned apart, to tell the family kindly.
 */
export async function requestSubscriptions(db: Db, userId: number, offerIds: number[], now: Date) {
  const existing = await subscriptionStatuses(db, userId, offerIds);
  const requested: number[] = [];
  const already: number[] = [];
  for (const offerId of offerIds) {
    const status = existing.get(offerId);
    if (status === 'pending' || status === 'validated') {
      already.push(offerId);
      continue;
    }
    const row = await db
      .insertInto('subscriptions')
      .values({ user_id: userId, service_offer_id: offerId, status: 'pending', requested_at: now })
      .onConflict((oc) =>
        oc.constraint('subscriptions_user_offer_key').doUpdateSet({ status: 'pending', status_reason: null, requested_at: now, decided_at: null, decided_by: null }).where('subscriptions.status', '=', 'refused'),
      )
      .returning('id')
      .executeTakeFirst();
    if (row) requested.push(row.id);
    else already.push(offerId);
  }
  return { requested, already };
}

/** The offer a subscription asks for. */
export async function subscriptionOfferId(db: Db, subscriptionId: number): Promise<number> {
  return (await db.selectFrom('subscriptions').select('service_offer_id').where('id', '=', subscriptionId).executeTakeFirstOrThrow()).service_offer_id;
}

/** Requests for services waiting in these communes, oldest first, with who asked. */
export function pendingRequests(db: Db, communeIds: number[], limit = 100) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('subscriptions')
    .innerJoin('service_offers', 'service_offers.id', 'subscriptions.service_offer_id')
    .innerJoin('communes', 'communes.id', 'service_offers.commune_id')
    .innerJoin('users', 'users.id', 'subscriptions.user_id')
    .select(['subscriptions.id', 'subscriptions.requested_at', 'service_offers.label as offer', 'communes.name as commune', 'users.id as user_id', 'users.email', 'users.first_name', 'users.last_name', 'users.status as account_status'])
    .where('subscriptions.status', '=', 'pending')
    .where('service_offers.commune_id', 'in', communeIds)
    .orderBy('subscriptions.requested_at')
    .limit(limit)
    .execute();
}

/** A request's status and the commune of its offer (to check the staff's scope). */
export function subscriptionRequest(db: Db, subscriptionId: number) {
  return db
    .selectFrom('subscriptions')
    .innerJoin('service_offers', 'service_offers.id', 'subscriptions.service_offer_id')
    .select(['subscriptions.status', 'service_offers.commune_id'])
    .where('subscriptions.id', '=', subscriptionId)
    .executeTakeFirst();
}
