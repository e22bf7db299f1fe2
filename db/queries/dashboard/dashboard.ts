// The staff dashboard's figures: what waits for a decision, and how full each product is on the
// days ahead (places booked against places offered, summed over its prestations).
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import type { IsoDate } from '../../../domain/dates.ts';

export async function waitingCounts(db: Db, communeIds: number[]) {
  if (communeIds.length === 0) return { accounts: 0, subscriptions: 0, payments: 0, requests: 0, documents: 0, erasures: 0, absences: 0 };
  const count = (n: { n: string | number }) => Number(n.n);
  const [accounts, subscriptions, payments, requests, documents, erasures, absences] = await Promise.all([
    db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).where('role', '=', 'parent').where('status', '=', 'pending').where('commune_id', 'in', communeIds).executeTakeFirstOrThrow(),
    db
      .selectFrom('subscriptions')
      .innerJoin('service_offers', 'service_offers.id', 'subscriptions.service_offer_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('subscriptions.status', '=', 'pending')
      .where('service_offers.commune_id', 'in', communeIds)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('payments')
      .innerJoin('users', 'users.id', 'payments.user_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('payments.state', '=', 'to-reconcile')
      .where('users.commune_id', 'in', communeIds)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('online_requests')
      .innerJoin('request_forms', 'request_forms.id', 'online_requests.form_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('online_requests.status', '=', 'waiting-staff')
      .where('request_forms.commune_id', 'in', communeIds)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('documents')
      .innerJoin('users', 'users.id', 'documents.owner_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('documents.status', '=', 'pending')
      .where('documents.kind', 'not in', ['certificat-medical', 'pai'])
      .where('users.commune_id', 'in', communeIds)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('erasure_requests')
      .innerJoin('users', 'users.id', 'erasure_requests.user_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('erasure_requests.status', '=', 'awaiting-wallet-return')
      .where('users.commune_id', 'in', communeIds)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('absences')
      .innerJoin('products', 'products.id', 'absences.product_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('absences.status', '=', 'waiting-staff')
      .where('products.commune_id', 'in', communeIds)
      .executeTakeFirstOrThrow(),
  ]);
  return { accounts: count(accounts), subscriptions: count(subscriptions), payments: count(payments), requests: count(requests), documents: count(documents), erasures: count(erasures), absences: count(absences) };
}

/** Per product and day with a service between the two days: places booked and offered. */
export function serviceLoad(db: Db, communeIds: number[], from: IsoDate, to: IsoDate) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('slots')
    .innerJoin('products', 'products.id', 'slots.product_id')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .select([
      'products.id as productId',
      'products.name as product',
      'communes.name as commune',
      'slots.service_date as day',
      sql<number>`sum(slots.capacity)::int`.as('capacity'),
      sql<number>`(select count(*)::int from reservations r where r.product_id = products.id and r.service_date = slots.service_date and r.state = 'confirmed')`.as('booked'),
    ])
    .where('products.commune_id', 'in', communeIds)
    .where('slots.service_date', '>=', from)
    .where('slots.service_date', '<=', to)
    .where(sql<boolean>`not (slots.service_date = any(products.closed_days))`)
    .groupBy(['products.id', 'products.name', 'communes.name', 'slots.service_date'])
    .orderBy('communes.name')
    .orderBy('products.name')
    .orderBy('slots.service_date')
    .execute();
}

export type ServiceLoad = Awaited<ReturnType<typeof serviceLoad>>[number];

/** The first day from `from` on with a service (places offered, not closed) in these communes. */
export async function nextServiceDay(db: Db, communeIds: number[], from: IsoDate): Promise<IsoDate | null> {
  if (communeIds.length === 0) return null;
  const row = await db
    .selectFrom('slots')
    .innerJoin('products', 'products.id', 'slots.product_id')
    .select('slots.service_date')
    .where('products.commune_id', 'in', communeIds)
    .where('slots.service_date', '>=', from)
    .where(sql<boolean>`not (slots.service_date = any(products.closed_days))`)
    .orderBy('slots.service_date')
    .limit(1)
    .executeTakeFirst();
  return row?.service_date ?? null;
}
