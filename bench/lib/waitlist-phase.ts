// After the burst, the waiting list of the day sold out: the families told « complet » join it,
// then some families who booked cancel at once; the day's waitlist workflow offers each freed place
// to the next family in line, who orders and pays from its cart. Timed: joining, from the
// cancellations to each offer made (its hold's creation), and the checkouts; the books' invariants
// are read afterwards, « no offered place booked twice » among them.
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { pool, Timings } from './stats.ts';
import { checkoutCart, type Family, type Outcome } from './virtual-parent.ts';
import { systemClock } from '../../lib/clock.ts';

export interface WaitlistPhase {
  joined: number;
  cancelled: number;
  offered: number;
  booked: number;
  /** From the first cancellation sent to the last offer made. */
  allOfferedMs: number | null;
  cancelToOfferMs: { p50: number; p95: number; p99: number } | null;
  latenciesMs: Record<string, { p50: number; p95: number; p99: number }>;
  checkouts: Record<string, number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitlistPhase(input: {
  db: Db;
  base: string;
  roster: (Family & { userId: number })[];
  outcomes: Outcome[];
  cookies: string[];
  target: { productId: number; prestationId: number; day: string };
  cancels: number;
}): Promise<WaitlistPhase> {
  const { db, base, roster, outcomes, cookies, target } = input;
  const timings = new Timings();
  const origin = new URL(base).origin;
  const post = async (step: string, i: number, path: string, body: Record<string, string>) => {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookies[i]!, 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
      body: new URLSearchParams(body).toString(),
    });
    await response.arrayBuffer();
    timings.record(step, performance.now() - started);
    return response.status;
  };

  const refused = outcomes.flatMap((outcome, i) => (outcome === 'full' ? [i] : []));
  const joins = await pool(refused.length, 50, (k) =>
    post('join the waiting list', refused[k]!, `/produits/${target.productId}/liste-attente`, { prestation: String(target.prestationId), enfant: String(roster[refused[k]!]!.childId), attente: target.day }),
  );
  const booked = outcomes.flatMap((outcome, i) => (outcome === 'confirmed' ? [i] : [])).slice(0, input.cancels);
  const reservations = await db
    .selectFrom('reservations')
    .select(['id', 'user_id'])
    .where('user_id', 'in', booked.length > 0 ? booked.map((i) => roster[i]!.userId) : [0])
    .where('service_date', '=', target.day)
    .where('state', '=', 'confirmed')
    .execute();
  const reservationOf = new Map(reservations.map((r) => [r.user_id, r.id]));
  const cancelledAt = systemClock()();
  const cancellations = await Promise.all(booked.map((i) => post('cancel', i, `/mon-compte/reservations/${reservationOf.get(roster[i]!.userId)}/annuler`, {})));
  const cancelled = cancellations.filter((status) => status === 303).length;

  // The offers, as the workflow makes them: each a hold in a waiting family's cart.
  const offers = () =>
    sql<{ user_id: number; ms: number }>`
      select e.user_id, extract(epoch from (h.created_at - ${cancelledAt}::timestamptz)) * 1000 as ms
      from waitlist_entries e join holds h on h.id = e.offer_hold_id
      where e.product_id = ${target.productId} and e.service_date = ${target.day}`.execute(db);
  const started = performance.now();
  let made = (await offers()).rows;
  while (made.length < Math.min(cancelled, refused.length) && performance.now() - started < 60_000) {
    await sleep(100);
    made = (await offers()).rows;
  }
  const delays = new Timings();
  for (const offer of made) delays.record('cancel to offer', Number(offer.ms));
  const indexOf = new Map(roster.map((family, i) => [family.userId, i]));
  const checkouts: Record<string, number> = {};
  const results = await Promise.all(made.map((offer) => checkoutCart(base, roster[indexOf.get(offer.user_id)!]!, cookies[indexOf.get(offer.user_id)!]!, timings)));
  for (const outcome of results) checkouts[outcome] = (checkouts[outcome] ?? 0) + 1;
  const entries = await db.selectFrom('waitlist_entries').select('status').where('product_id', '=', target.productId).where('service_date', '=', target.day).execute();
  return {
    joined: joins.filter((status) => status === 303).length,
    cancelled,
    offered: made.length,
    booked: entries.filter((entry) => entry.status === 'booked').length,
    allOfferedMs: made.length > 0 ? Math.round(Math.max(...made.map((offer) => Number(offer.ms)))) : null,
    cancelToOfferMs: made.length > 0 ? delays.summary()['cancel to offer']! : null,
    latenciesMs: timings.summary(),
    checkouts,
  };
}
