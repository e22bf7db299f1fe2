// The append-only record of staff actions: who did what to which family or object, and with what.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../database.ts';
import { addDays, parisInstant, type IsoDate } from '../../../domain/dates.ts';
import { searchWords } from '../../../domain/search-text.ts';
import { containing, folded } from '../../search-text.ts';

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
  when 'regie' then (select min(rc.commune_id) from regie_communes rc where rc.regie_id = audit_log.subject_id)
  when 'dependant' then coalesce(
    (select p.commune_id from reservations r join products p on p.id = r.product_id where r.id = (audit_log.details->>'reservationId')::bigint),
    (select u.commune_id from dependants d join users u on u.id = d.guardian_id where d.id = audit_log.subject_id))
  when 'registration-campaign' then (select c.commune_id from registration_campaigns c where c.id = audit_log.subject_id)
end`;

const nameOf = (alias: string) => `coalesce(nullif(concat_ws(' ', ${alias}.first_name, ${alias}.last_name), ''), ${alias}.email)`;
const childOf = (alias: string) => `concat_ws(' ', ${alias}.first_name, ${alias}.last_name)`;

/**
 * Who the entry is about, by name: the family (an account, a subscription, a démarche, an
 * erasure), the child (a reservation, an absence) or the staff member (their account); read only
 * for the entries the filter kept, so only of the staff's communes.
 */
const personOfSubject = sql<string | null>`case entries.subject_type
  when 'user' then (select ${sql.raw(nameOf('u'))} from users u where u.id = entries.subject_id)
  when 'account' then (select ${sql.raw(nameOf('u'))} from users u where u.id = entries.subject_id)
  when 'erasure' then (select ${sql.raw(nameOf('u'))} from erasure_requests e join users u on u.id = e.user_id where e.id = entries.subject_id)
  when 'subscription' then (select ${sql.raw(nameOf('u'))} from subscriptions s join users u on u.id = s.user_id where s.id = entries.subject_id)
  when 'request' then (select ${sql.raw(nameOf('u'))} from online_requests r join users u on u.id = r.user_id where r.id = entries.subject_id)
  when 'reservation' then (select ${sql.raw(childOf('d'))} from reservations r join dependants d on d.id = r.dependant_id where r.id = entries.subject_id)
  when 'absence' then (select ${sql.raw(childOf('d'))} from absences a join dependants d on d.id = a.dependant_id where a.id = entries.subject_id)
  when 'dependant' then (select ${sql.raw(childOf('d'))} from dependants d where d.id = entries.subject_id)
end`;

/** The family behind a child the entry names, so that a search by the family's name finds it too. */
const familyOfChild = sql<string | null>`case entries.subject_type
  when 'reservation' then (select ${sql.raw(nameOf('u'))} from reservations r join users u on u.id = r.user_id where r.id = entries.subject_id)
  when 'absence' then (select ${sql.raw(nameOf('u'))} from absences a join users u on u.id = a.user_id where a.id = entries.subject_id)
  when 'dependant' then (select ${sql.raw(nameOf('u'))} from dependants d join users u on u.id = d.guardian_id where d.id = entries.subject_id)
end`;

/** What the entry is about besides a person: the activity, the service offer, the form. */
const thingOfSubject = sql<string | null>`case entries.subject_type
  when 'product' then (select p.name from products p where p.id = entries.subject_id)
  when 'closure' then (select p.name from closures c join products p on p.id = c.product_id where c.id = entries.subject_id)
  when 'reservation' then (select p.name from reservations r join products p on p.id = r.product_id where r.id = entries.subject_id)
  when 'absence' then (select p.name from absences a join products p on p.id = a.product_id where a.id = entries.subject_id)
  when 'service-offer' then (select o.label from service_offers o where o.id = entries.subject_id)
  when 'subscription' then (select o.label from subscriptions s join service_offers o on o.id = s.service_offer_id where s.id = entries.subject_id)
  when 'request' then (select f.title from online_requests r join request_forms f on f.id = r.form_id where r.id = entries.subject_id)
  when 'request-form' then (select f.title from request_forms f where f.id = entries.subject_id)
end`;

export interface AuditFilter {
  communeIds: number[];
  communeId: number | null;
  /** A kind of action: the codes' prefix (`wallet`, `product`…). */
  action: string | null;
  /** Paris days, both included. */
  from: IsoDate | null;
  to: IsoDate | null;
  /** Words each found, without accents or case, in the staff member's or the family's or child's names (or e-mail). */
  person: string;
  everything: boolean;
}

/**
 * The latest entries concerning these communes (one of them when `communeId` is given), newest
 * first, with the names of who did it and of what it was done on; with `everything` (an
 * administrator), entries of no commune too (staff accounts).
 */
export function auditEntries(db: Kysely<Database>, filter: AuditFilter, limit = 200) {
  let entries = db
    .selectFrom('audit_log')
    .select(['audit_log.id', 'audit_log.created_at', 'audit_log.actor_id', 'audit_log.action', 'audit_log.subject_type', 'audit_log.subject_id', 'audit_log.details', communeOfSubject.as('commune_id')]);
  if (filter.from) entries = entries.where('audit_log.created_at', '>=', parisInstant(filter.from, 0));
  if (filter.to) entries = entries.where('audit_log.created_at', '<', parisInstant(addDays(filter.to, 1), 0));
  if (filter.action) entries = entries.where('audit_log.action', 'like', `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`);
  const named = db
    .selectFrom(entries.as('entries'))
    .leftJoin('users as actors', 'actors.id', 'entries.actor_id')
    .leftJoin('communes', 'communes.id', 'entries.commune_id')
    .select([
      'entries.id', 'entries.created_at', 'entries.action', 'entries.subject_type', 'entries.subject_id', 'entries.details', 'entries.commune_id',
      'actors.email as actor_email', sql<string | null>`nullif(concat_ws(' ', actors.first_name, actors.last_name), '')`.as('actor_name'),
      'communes.name as commune', personOfSubject.as('person'), familyOfChild.as('family'), thingOfSubject.as('thing'),
    ]);
  let query = db.selectFrom(named.as('named')).selectAll();
  if (filter.communeId !== null) query = query.where('named.commune_id', '=', filter.communeId);
  else if (!filter.everything) query = filter.communeIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('named.commune_id', 'in', filter.communeIds);
  for (const word of searchWords(filter.person)) {
    const pattern = containing(word);
    query = query.where((eb) =>
      eb.or([eb(folded('named.actor_name'), 'like', pattern), eb(folded('named.actor_email'), 'like', pattern), eb(folded('named.person'), 'like', pattern), eb(folded('named.family'), 'like', pattern)]),
    );
  }
  return query.orderBy('named.id', 'desc').limit(limit).execute();
}

export type AuditRow = Awaited<ReturnType<typeof auditEntries>>[number];
