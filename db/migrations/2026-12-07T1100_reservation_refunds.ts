// What each reservation was refunded so far, wallet and card together: every path that refunds
// one (absence, closure, staff or family cancellation, erasure) gives back only what is left of
// its net paid price, read and written under the reservation's lock, so a day is refunded once.
// Filled from the ledger for the refunds made before.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('reservations')
    .addColumn('refunded_cents', 'integer', (col) => col.notNull().defaultTo(0).check(sql`refunded_cents >= 0`))
    .execute();
  await sql`
    with wallet as (
      select coalesce(m[1], m[2])::bigint as reservation_id, sum(e.amount_cents) as cents
      from wallet_entries e,
        regexp_match(e.idempotency_key, '^(?:(?:absence-\\d+/day-|closure-\\d+/reservation-|erasure-\\d+/reservation-)(\\d+)|reservation-(\\d+)/(?:staff-cancellation|cancellation-refund))$') as m
      where e.kind = 'refund'
      group by 1
    ),
    card as (select reservation_id, sum(amount_cents) as cents from card_refunds group by 1)
    update reservations r
    set refunded_cents = coalesce((select cents from wallet w where w.reservation_id = r.id), 0) + coalesce((select cents from card c where c.reservation_id = r.id), 0)
    where exists (select 1 from wallet w where w.reservation_id = r.id) or exists (select 1 from card c where c.reservation_id = r.id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reservations').dropColumn('refunded_cents').execute();
}
