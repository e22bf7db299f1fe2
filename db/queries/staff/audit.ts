// The append-only record of staff actions: who did what to which family or object, and with what.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../database.ts';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  subject: { type: string; id: number };
  details: Record<string, unknown>;
  /** For actions a workflow may retry: the same key is recorded once. */
  idempotencyKey?: string;
}

/** Records the action; false when an entry with the same idempotency key exists already. */
export async function recordAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<boolean> {
  const inserted = await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subject.type,
      subject_id: entry.subject.id,
      details: JSON.stringify(entry.details),
      idempotency_key: entry.idempotencyKey ?? null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * The commune an entry concerns, from its subject, each kind read from its own table (a family's
 * or an account's commune, a product's, an absence's product's…). A kind not listed concerns no
 * commune, so only administrators read it: an id is never taken for another kind's.
 */
const communeOfSubject = sql<number | null>`case audit_log.subject_type
  when 'user' then (select u.commune_id from users u where u.id = audit_log.subject_id)
  when 'account' then (select u.commune_id from users u where u.id = audit_log.subject_id)
  when 'erasure' then (select u.commune_id from erasure_requests e join users u on u.id = e.user_id where e.id = audit_log.subject_id)
  when 'reservation' then (select p.commune_id from reservations r join products p on p.id = r.product_id where r.id = audit_log.subject_id)
  when 'absence' then (select p.commune_id from absences a join products p on p.id = a.product_id where a.id = audit_log.subject_id)
  when 'product' then (select p.commune_id from products p where p.id = audit_log.subject_id)
  when 'closure' then (select p.commune_id from closures c join products p on p.id = c.product_id where c.id = audit_log.subject_id)
  when 'service-offer' then (select o.commune_id from service_offers o where o.id = audit_log.subject_id)
  when 'subscription' then (select o.commune_id from subscriptions s join service_offers o on o.id = s.service_offer_id where s.id = audit_log.subject_id)
  when 'request' then (select f.commune_id from online_requests r join request_forms f on f.id = r.form_id where r.id = audit_log.subject_id)
  when 'request-form' then (select f.commune_id from request_forms f where f.id = audit_log.subject_id)
end`;

/**
 * The latest entries concerning these communes (one of them when `communeId` is given), newest
 * first; with `everything` (an administrator), entries of no commune too (staff accounts).
 */
export function auditEntries(db: Kysely<Database>, filter: { communeIds: number[]; communeId: number | null; action: string | null; everything: boolean }, limit = 200) {
  const entries = db
    .selectFrom('audit_log')
    .select(['audit_log.id', 'audit_log.created_at', 'audit_log.actor_id', 'audit_log.action', 'audit_log.subject_type', 'audit_log.subject_id', 'audit_log.details', communeOfSubject.as('commune_id')])
    .as('entries');
  let query = db
    .selectFrom(entries)
    .leftJoin('users as actors', 'actors.id', 'entries.actor_id')
    .leftJoin('communes', 'communes.id', 'entries.commune_id')
    .select(['entries.id', 'entries.created_at', 'entries.action', 'entries.subject_type', 'entries.subject_id', 'entries.details', 'actors.email as actor', 'communes.name as commune']);
  if (filter.communeId !== null) query = query.where('entries.commune_id', '=', filter.communeId);
  else if (!filter.everything) query = filter.communeIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('entries.commune_id', 'in', filter.communeIds);
  if (filter.action) query = query.where('entries.action', 'like', `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`);
  return query.orderBy('entries.id', 'desc').limit(limit).execute();
}

export type AuditRow = Awaited<ReturnType<typeof auditEntries>>[number];
