// The books after the rush: every one of these counts must be zero.
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { reservationsRefundedBeyondNet } from '../../db/queries/orders/refunds.ts';
import { slotCountMismatches } from '../../db/queries/booking/slot-counts.ts';
import { ledgerMismatches } from '../../db/queries/wallet/wallet.ts';
import { booksProblems } from '../../db/queries/regies/index.ts';

export async function checkInvariants(db: Db, now: Date): Promise<Record<string, number>> {
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(db)).rows[0]?.n ?? 0);
  return {
    overbookedSlots: await count(sql<{ n: number }>`
      select count(*)::int as n from slots s
      where (select count(*) from reservations r where r.slot_id = s.id and r.state = 'confirmed')
          + (select count(*) from holds h where h.slot_id = s.id and h.state = 'held' and h.expires_at > ${now}) > s.capacity`),
    // Each line of a paid order made its reservation (cancelled since, maybe: a family may cancel).
    paidOrdersWithoutAllReservations: await count(sql<{ n: number }>`
      select count(*)::int as n from orders o where o.state = 'paid'
      and (select count(*) from order_lines l where l.order_id = o.id)
       <> (select count(*) from reservations r join order_lines l on l.id = r.order_line_id where l.order_id = o.id)`),
    paidOrdersWithoutTheirMoney: await count(sql<{ n: number }>`
      select count(*)::int as n from orders o where o.state = 'paid'
      and coalesce((select -sum(e.amount_cents) from wallet_entries e where e.idempotency_key = 'order-' || o.number || '/wallet-debit'), 0)
        + coalesce((select sum(p.amount_cents) from payments p where p.id = o.card_payment_id and p.state = 'paid'), 0)
       <> o.total_cents - o.discount_cents`),
    ordersWhoseLinesDoNotAddUp: await count(sql<{ n: number }>`
      select count(*)::int as n from orders o
      where o.total_cents <> coalesce((select sum(l.price_cents) from order_lines l where l.order_id = o.id), 0) or o.discount_cents > o.total_cents`),
    abandonedOrdersWithReservations: await count(sql<{ n: number }>`
      select count(*)::int as n from orders o join order_lines l on l.order_id = o.id join reservations r on r.order_line_id = l.id where o.state = 'abandoned'`),
    abandonedOrdersKeepingWalletMoney: await count(sql<{ n: number }>`
      select count(*)::int as n from orders o where o.state = 'abandoned'
      and coalesce((select sum(e.amount_cents) from wallet_entries e where e.idempotency_key like 'order-' || o.number || '/wallet-%'), 0) <> 0`),
    walletsBelowZero: await count(sql<{ n: number }>`select count(*)::int as n from wallet_accounts where balance_cents < 0`),
    ledgerMismatches: (await ledgerMismatches(db)).length,
    // The régies' journal against the wallets, the card payments and the card refunds (db/queries/regies/books.ts).
    booksProblems: (await booksProblems(db)).length,
    // Whatever paths met (absence, closure, cancellations, erasure), a reservation is refunded its net paid price at most.
    reservationsRefundedBeyondNetPrice: (await reservationsRefundedBeyondNet(db)).length,
    slotCountMismatches: (await slotCountMismatches(db)).length,
    holdsPastExpiry: await count(sql<{ n: number }>`select count(*)::int as n from holds where state = 'held' and expires_at <= ${now}`),
    ordersStuck: await count(sql<{ n: number }>`select count(*)::int as n from orders where state in ('open', 'awaiting-payment')`),
    // A place offered from a waiting list is one place: booked once by the family offered it, and
    // an entry said booked has its reservation (cancelled since, maybe).
    offeredPlacesBookedTwice: await count(sql<{ n: number }>`
      select count(*)::int as n from waitlist_entries e where e.offer_hold_id is not null
      and ((select count(*) from reservations r where r.slot_id = e.slot_id and r.dependant_id = e.dependant_id and r.state = 'confirmed') > 1
        or (select count(*) from reservations r where r.hold_id = e.offer_hold_id and r.user_id <> e.user_id) > 0
        or (e.status = 'booked' and not exists (select 1 from reservations r where r.hold_id = e.offer_hold_id)))`),
  };
}
