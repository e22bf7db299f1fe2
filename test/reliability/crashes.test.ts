// Crashes during a run of orders: a web server process killed with its worker (the cluster
// starts another), the Temporal dev server stopped and restarted on its SQLite file, PostgreSQL
// restarted. Parents who meet an error try
// again as people do (some pay part by card on the sandbox's page); afterwards every order has
// finished exactly once, no payment is lost or doubled, and the books' invariants hold.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkInvariants } from '../../bench/lib/invariants.ts';
import { booksProblems } from '../../db/queries/regies/index.ts';
import { BENCH_PASSWORD, rushRoster, seedRush } from '../../bench/lib/seed-families.ts';
import { startCrashStack, type CrashStack } from './crash-stack.ts';
import { diagnoseOrders } from './order-diagnosis.ts';
import { patientParent, type PatientFamily } from './patient-parent.ts';
import { testNow } from '../helpers/clock.ts';

const WALLET = 5000;
/** Every tenth family has less than a day's price (7,90 €) and pays the rest by card. */
const SPLIT_WALLET = 500;
const PER_FAULT = 16;
let stack: CrashStack;
let target: Awaited<ReturnType<typeof seedRush>>;
let roster: PatientFamily[];

beforeAll(async () => {
  // CRASH_LOGS=<folder> keeps the server's and the worker's logs for a look after the run.
  stack = await startCrashStack(process.env.CRASH_LOGS ?? inject('logDir'));
  target = await seedRush(stack.db, PER_FAULT * 3, 500, WALLET, SPLIT_WALLET);
  roster = await rushRoster(stack.db);
  // The roster is cut in three: each fault meets card payers too.
  expect([0, 1, 2].map((i) => roster.slice(i * PER_FAULT, (i + 1) * PER_FAULT).some((f) => f.split))).toEqual([true, true, true]);
}, 180_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Parents order, staggered, while the fault strikes once orders are under way. */
async function ordersThrough(families: PatientFamily[], fault: () => Promise<void>) {
  const run = Promise.all(families.map(async (family, i) => {
    await sleep(i * 150);
    return patientParent(stack.base, family, target, BENCH_PASSWORD);
  }));
  await sleep(1200);
  await fault();
  return run;
}

/** Each family of the run: its orders, reservations, wallet debits, card payments and balance. */
async function booksOf(emails: string[]) {
  const { rows } = await sql<{ email: string; paid: number; other: number; reservations: number; debits: number; cardPayments: number; balance: number; toppedUp: number; walletSpent: number; cardSpent: number; cardPaid: number }>`
    select u.email,
      (select count(*)::int from orders o where o.user_id = u.id and o.state = 'paid') as paid,
      (select count(*)::int from orders o where o.user_id = u.id and o.state <> 'paid') as other,
      (select count(*)::int from reservations r where r.user_id = u.id and r.state = 'confirmed') as reservations,
      (select count(*)::int from wallet_entries e where e.user_id = u.id and e.kind = 'payment') as debits,
      (select count(*)::int from payments p where p.user_id = u.id and p.purpose = 'order') as "cardPayments",
      (select balance_cents from wallet_accounts w where w.user_id = u.id) as balance,
      (select coalesce(sum(amount_cents), 0)::int from wallet_entries e where e.user_id = u.id and e.kind = 'topup') as "toppedUp",
      (select coalesce(sum(o.wallet_cents), 0)::int from orders o where o.user_id = u.id and o.state = 'paid') as "walletSpent",
      (select coalesce(sum(o.card_cents), 0)::int from orders o where o.user_id = u.id and o.state = 'paid') as "cardSpent",
      (select coalesce(sum(p.amount_cents), 0)::int from payments p where p.user_id = u.id and p.purpose = 'order' and p.state = 'paid') as "cardPaid"
    from users u where u.email in (${sql.join(emails)}) order by u.email`.execute(stack.db);
  return rows;
}

async function expectEveryOrderOnce(families: PatientFamily[], outcomes: string[]) {
  expect(stack.unexpectedExits).toEqual([]);
  const unfinished = families.filter((_, i) => outcomes[i] !== 'confirmed').map((family) => family.email);
  expect(outcomes, await diagnoseOrders(stack.db, stack.temporalAddress, unfinished)).toEqual(families.map(() => 'confirmed'));
  const books = await booksOf(families.map((f) => f.email));
  expect(books).toHaveLength(families.length);
  const split = new Set(families.filter((f) => f.split).map((f) => f.email));
  for (const family of books) {
    // One order paid, its place booked, the wallet debited once, and by card exactly the rest.
    expect(family, family.email).toMatchObject({ paid: 1, other: 0, reservations: 1, debits: 1, cardPayments: split.has(family.email) ? 1 : 0 });
    expect(family.balance, family.email).toBe(family.toppedUp - family.walletSpent);
    expect(family.cardPaid, family.email).toBe(family.cardSpent);
    expect(family.cardSpent > 0, family.email).toBe(split.has(family.email));
  }
  expect(await checkInvariants(stack.db, testNow())).toEqual({
    overbookedSlots: 0,
    paidOrdersWithoutAllReservations: 0,
    paidOrdersWithoutTheirMoney: 0,
    ordersWhoseLinesDoNotAddUp: 0,
    abandonedOrdersWithReservations: 0,
    abandonedOrdersKeepingWalletMoney: 0,
    walletsBelowZero: 0,
    ledgerMismatches: 0,
    booksProblems: 0,
    reservationsRefundedBeyondNetPrice: 0,
    slotCountMismatches: 0,
    holdsPastExpiry: 0,
    ordersStuck: 0,
    offeredPlacesBookedTwice: 0,
  });
  // Named, so that a failure says which entry, payment or series is off.
  expect(await booksProblems(stack.db)).toEqual([]);
}

describe('crashes during a run of orders', () => {
  it('a web server process killed (SIGKILL) with its worker, and replaced', async () => {
    const families = roster.slice(0, PER_FAULT);
    const before = await stack.webProcesses();
    const outcomes = await ordersThrough(families, () => stack.killWebProcess());
    const after = await stack.webProcesses();
    expect(after).toHaveLength(2);
    expect(after).not.toContain(before[0]);
    await expectEveryOrderOnce(families, outcomes);
  }, 180_000);

  it('the Temporal server stopped and restarted on its SQLite file', async () => {
    const families = roster.slice(PER_FAULT, 2 * PER_FAULT);
    const outcomes = await ordersThrough(families, () => stack.restartTemporal(1000));
    await expectEveryOrderOnce(families, outcomes);
  }, 180_000);

  it('PostgreSQL restarted', async () => {
    const families = roster.slice(2 * PER_FAULT);
    const outcomes = await ordersThrough(families, () => stack.restartPostgres(1000));
    await expectEveryOrderOnce(families, outcomes);
  }, 180_000);
});
