// A property of the books on a real database: whatever a run of families does (top-ups by card,
// refused or paid, and at the counter; orders of one or two régies' products paid by wallet, card
// or both, refused, abandoned, paid after a refusal, or losing their place once paid; the family
// or staff cancelling, a closure, an absence credited, staff adjusting the wallet, the account's
// erasure giving the balance back by transfer), the books hold: the journal agrees with the
// wallets, the card payments and the card refunds, each series is numbered without gaps, and per
// régie its receipts less its refunds are what the families paid for the places they kept and
// what they gave to, or got back from, their wallets.
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../demo/load.ts';
import { addDays, type IsoDate } from '../../../domain/dates.ts';
import { createStaff } from '../../../test/helpers/accounts.ts';
import { bookableSeasonDay, testNow, testToday } from '../../../test/helpers/clock.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { CANTEEN, WEDNESDAYS, daysOf, holdOf, productOf, twoCommunesFamily } from '../../../test/helpers/two-regies.ts';
import { declareAbsence, decideAbsence } from '../absences/absences.ts';
import { cancelClosedReservations, createClosure } from '../closures/closures.ts';
import { cancelReservation } from '../orders/cancellation.ts';
import { abandonOrder, confirmOrder, createOrderCardPayment, creditCardPartToWallet, debitWalletForOrder, refundWalletForOrder, settleLateOrderPayment, settleOrderCardPayment } from '../orders/order-outcome.ts';
import { planOrderPayment, reopenOrderPayment } from '../orders/order-steps.ts';
import { createOrderFromCart } from '../orders/orders.ts';
import { staffCancelReservations } from '../orders/staff-cancellation.ts';
import { settleCardRefund } from '../orders/card-refunds.ts';
import { createTopUpPayment } from '../payments/index.ts';
import { cancelFutureReservations, recordWalletReturn, requestErasure, walletToReturn } from '../personal-data/erasure.ts';
import { InsufficientFunds, adjustWallet, balance, moveMoney } from '../wallet/index.ts';
import { settleTopUp } from '../wallet/top-ups.ts';
import { booksProblems } from './books.ts';

const database = useTestDatabase();
const RUNS = 20;

const operation = fc.oneof(
  fc.record({ op: fc.constant('topup-card' as const), cents: fc.integer({ min: 100, max: 4000 }), paid: fc.boolean() }),
  fc.record({ op: fc.constant('topup-counter' as const), cents: fc.integer({ min: 100, max: 4000 }), method: fc.constantFrom('cash' as const, 'cheque' as const) }),
  fc.record({
    op: fc.constant('order' as const),
    what: fc.constantFrom('wednesday', 'canteen', 'both'),
    pay: fc.constantFrom('wallet', 'card', 'both'),
    outcome: fc.constantFrom('paid', 'refused', 'abandoned', 'late', 'retried', 'lost'),
    lateFirst: fc.boolean(),
  }),
  fc.record({ op: fc.constantFrom('family-cancel' as const, 'closure' as const, 'absence' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('staff-cancel' as const), pick: fc.nat(), to: fc.constantFrom('wallet' as const, 'card' as const) }),
  fc.record({ op: fc.constant('adjust' as const), cents: fc.integer({ min: -2000, max: 2000 }).filter((cents) => cents !== 0) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

let staffId: number;
let communeIds: number[];
/** The régie answering for the wallets of Rosières' families: read from its commune, not from the code under test. */
let familiesRegie: number;
let wednesdays: IsoDate[];
let canteenDays: IsoDate[];
let next = 0;
/** What the runs did outside orders, per régie: top-ups, adjustments and erasure transfers (receipts less refunds). */
const familyLevel = new Map<number, number>();
/** Money from outside that the journal must show beside the card payments: counter top-ups less transfers back. */
let counterCents = 0;
let transferredCents = 0;

beforeAll(async () => {
  const { db } = database;
  await loadDemoCatalogue(db, bookableSeasonDay());
  const staff = await createStaff(db, 'agent@deux-communes.fr', ['rosieres', 'bains']);
  staffId = staff.id;
  communeIds = [(await productOf(db, WEDNESDAYS)).product.commune_id, (await productOf(db, CANTEEN)).product.commune_id];
  familiesRegie = (await db.selectFrom('regie_communes').select('regie_id').where('commune_id', '=', communeIds[0]!).orderBy('regie_id').executeTakeFirstOrThrow()).regie_id;
  const from = addDays(testToday(), 21);
  // Few enough for a season's last months (late March leaves eleven Wednesdays); runs share them.
  wednesdays = await daysOf(db, WEDNESDAYS, from, 8);
  canteenDays = await daysOf(db, CANTEEN, from, 20);
});

const addFamilyLevel = (cents: number) => familyLevel.set(familiesRegie, (familyLevel.get(familiesRegie) ?? 0) + cents);

async function confirmedReservations(userId: number) {
  return database.db
    .selectFrom('reservations')
    .innerJoin('order_lines', 'order_lines.id', 'reservations.order_line_id')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .select(['reservations.id', 'reservations.product_id', 'reservations.service_date', 'orders.number'])
    .where('reservations.user_id', '=', userId)
    .where('reservations.state', '=', 'confirmed')
    .orderBy('reservations.id')
    .execute();
}

/** An order of the family's cart, paid and ended as the order workflow's steps would. */
async function order(family: Awaited<ReturnType<typeof twoCommunesFamily>>, step: Extract<Operation, { op: 'order' }>, index: number): Promise<void> {
  const { db } = database;
  const now = testNow();
  const day = next++;
  if (step.what !== 'canteen') await holdOf(db, family, WEDNESDAYS, [wednesdays[day % wednesdays.length]!], now);
  if (step.what !== 'wednesday') await holdOf(db, family, CANTEEN, [canteenDays[day % canteenDays.length]!, canteenDays[(day + 1) % canteenDays.length]!], now);
  // A day closed or full by now: what could be held is ordered, or nothing.
  const created = await createOrderFromCart(db, family.user.id, now);
  if (!created) return;
  const { orderId, number, totalCents } = created;
  const key = (name: string) => `order-${number}/${name}`;
  const held = await balance(db, family.user.id);
  const walletCents = step.pay === 'card' ? 0 : Math.min(held, step.pay === 'wallet' ? totalCents : Math.floor(totalCents / 2));
  const cardCents = totalCents - walletCents;
  await planOrderPayment(db, orderId, walletCents, cardCents);
  if (walletCents > 0) await debitWalletForOrder(db, orderId, key('wallet-debit'));
  const giveUp = async (cardPaid: boolean) => {
    if (cardPaid) await creditCardPartToWallet(db, orderId, key('card-to-wallet'));
    if (walletCents > 0) await refundWalletForOrder(db, orderId, key('wallet-refund'));
    await abandonOrder(db, orderId, 'Paiement non abouti', now);
  };
  if (cardCents === 0) {
    if (step.outcome === 'paid' || step.outcome === 'retried') await confirmOrder(db, orderId, now);
    else await giveUp(false);
    return;
  }
  const card = await createOrderCardPayment(db, orderId, 'CB');
  switch (step.outcome) {
    case 'paid':
      await settleOrderCardPayment(db, { paymentId: card.paymentId, state: 'paid', transaction: `T${index}` }, now);
      await confirmOrder(db, orderId, now);
      return;
    case 'abandoned':
      await giveUp(false);
      return;
    case 'refused':
    case 'late':
      await settleOrderCardPayment(db, { paymentId: card.paymentId, state: 'refused', errorCode: '00021' }, now);
      await giveUp(false);
      // The bank's « paid » after all, once the order was abandoned: the money goes to the wallet.
      if (step.outcome === 'late') await settleLateOrderPayment(db, card.paymentId, cardCents, now);
      return;
    case 'lost':
      // Paid, but a place went meanwhile: both parts go back to the wallet.
      await settleOrderCardPayment(db, { paymentId: card.paymentId, state: 'paid', transaction: `T${index}` }, now);
      await giveUp(true);
      return;
    case 'retried': {
      // Refused, then paid by card on the second try; the first try's « paid » may come late.
      await settleOrderCardPayment(db, { paymentId: card.paymentId, state: 'refused', errorCode: '00021' }, now);
      if (walletCents > 0) await refundWalletForOrder(db, orderId, key('wallet-refund'));
      await reopenOrderPayment(db, orderId, new Date(now.getTime() + 30 * 60_000));
      await planOrderPayment(db, orderId, 0, totalCents);
      const second = await createOrderCardPayment(db, orderId, 'CB');
      await settleOrderCardPayment(db, { paymentId: second.paymentId, state: 'paid', transaction: `T${index}-2` }, now);
      await confirmOrder(db, orderId, now);
      if (step.lateFirst) await settleLateOrderPayment(db, card.paymentId, cardCents, now);
      return;
    }
  }
}

async function perform(family: Awaited<ReturnType<typeof twoCommunesFamily>>, step: Operation, index: number): Promise<void> {
  const { db } = database;
  const now = testNow();
  const userId = family.user.id;
  const pick = async (n: number) => {
    const reservations = await confirmedReservations(userId);
    return reservations.length === 0 ? null : reservations[n % reservations.length]!;
  };
  switch (step.op) {
    case 'topup-card': {
      const payment = await createTopUpPayment(db, { userId, amountCents: step.cents, cardType: 'CB' });
      await settleTopUp(db, step.paid ? { paymentId: payment.id, outcome: 'paid', amountCents: step.cents, transaction: `R${index}` } : { paymentId: payment.id, outcome: 'refused', errorCode: '00021' }, now);
      if (step.paid) addFamilyLevel(step.cents);
      return;
    }
    case 'topup-counter':
      await moveMoney(db, { userId, amountCents: step.cents, kind: 'topup', label: 'Recharge au guichet', idempotencyKey: `guichet-${userId}-${index}`, createdBy: staffId, at: now, journal: { to: 'family', kind: 'top-up', method: step.method, documentNumber: step.method === 'cheque' ? `${1000 + index}` : null } });
      addFamilyLevel(step.cents);
      counterCents += step.cents;
      return;
    case 'order':
      return order(family, step, index);
    case 'family-cancel': {
      const reservation = await pick(step.pick);
      if (reservation) await cancelReservation(db, userId, reservation.id, now);
      return;
    }
    case 'staff-cancel': {
      const reservation = await pick(step.pick);
      // To the card only where a card paid the order ('no-card' otherwise, and nothing moves).
      if (!reservation) return;
      await staffCancelReservations(db, { communeIds, number: reservation.number, reservations: [reservation.id], reason: 'Erreur', refund: { to: step.to }, staffId, now });
      // The provider makes the card refund asked (its workflow's part): then it is journalled.
      const asked = await db.selectFrom('card_refunds').select(['id', 'attempt']).where('reservation_id', '=', reservation.id).where('state', '=', 'requested').executeTakeFirst();
      if (asked) await settleCardRefund(db, asked.id, asked.attempt, { outcome: 'refunded', reference: `REMB-${index}`, code: '00000' }, now);
      return;
    }
    case 'closure': {
      const reservation = await pick(step.pick);
      if (!reservation) return;
      const closureId = await createClosure(db, { productId: reservation.product_id, firstDay: reservation.service_date, lastDay: reservation.service_date, reason: 'Grève', staffId });
      if (closureId !== 'already-closed') await cancelClosedReservations(db, closureId, 100, now);
      return;
    }
    case 'absence': {
      const reservation = await pick(step.pick);
      if (!reservation) return;
      const declared = await declareAbsence(db, { userId, reservationIds: [reservation.id], now });
      if (!declared.ok) return;
      // The certificate received: the absence waits for staff, who accept it.
      await db.updateTable('absences').set({ status: 'waiting-staff' }).where('id', '=', declared.absenceId).execute();
      await decideAbsence(db, { absenceId: declared.absenceId, staffId, decision: { accepted: true }, now });
      return;
    }
    case 'adjust':
      try {
        if ((await adjustWallet(db, { staffId, userId, amountCents: step.cents, reason: 'Correction', formToken: `jeton-${userId}-${index}` })) === 'applied') addFamilyLevel(-step.cents);
      } catch (error) {
        if (!(error instanceof InsufficientFunds)) throw error;
      }
  }
}

/** The family leaves: its days ahead refunded to the wallet, then the balance transferred back. */
async function erase(userId: number): Promise<void> {
  const { db } = database;
  const now = testNow();
  const requestId = await requestErasure(db, { userId, iban: 'FR7630006000011234567890189', now });
  await cancelFutureReservations(db, requestId, 100, now);
  const cents = await walletToReturn(db, requestId);
  if (cents > 0 && (await recordWalletReturn(db, { requestId, staffId, cents, reference: `VIR-${requestId}`, now })) === 'recorded') {
    addFamilyLevel(-cents);
    transferredCents += cents;
  }
}

/** Receipts less refunds, per régie, of the entries that name a product, and of those that do not. */
async function journalNet() {
  const { rows } = await sql<{ regie_id: number; product: boolean; net: number }>`
    select regie_id, product_id is not null as product, sum(case series when 'receipt' then amount_cents else -amount_cents end)::int as net
    from journal_entries group by regie_id, product_id is not null`.execute(database.db);
  const of = (product: boolean) => new Map(rows.filter((row) => row.product === product && row.net !== 0).map((row) => [Number(row.regie_id), row.net]));
  return { products: of(true), families: of(false) };
}

async function expectBooksHold(): Promise<void> {
  const { db } = database;
  expect(await booksProblems(db)).toEqual([]);
  const net = await journalNet();
  // Each régie kept, for its products, what the families paid for the places they kept, less what went back.
  const { rows: kept } = await sql<{ regie_id: number; cents: number }>`
    select p.regie_id, sum(r.price_cents - r.refunded_cents)::int as cents
    from reservations r join products p on p.id = r.product_id group by p.regie_id having sum(r.price_cents - r.refunded_cents) <> 0`.execute(db);
  expect(net.products).toEqual(new Map(kept.map((row) => [Number(row.regie_id), row.cents])));
  expect(net.families).toEqual(new Map([...familyLevel].filter(([, cents]) => cents !== 0)));
  // The money from outside: card payments taken less card refunds, the counter's, less transfers back.
  const { rows: [outside] } = await sql<{ journal: number; cards: number }>`
    select (select coalesce(sum(case series when 'receipt' then amount_cents else -amount_cents end), 0) from journal_entries where method <> 'wallet')::int as journal,
           ((select coalesce(sum(amount_cents), 0) from payments where state = 'paid') - (select coalesce(sum(amount_cents), 0) from card_refunds))::int as cards`.execute(db);
  expect(outside!.journal).toBe(outside!.cards + counterCents - transferredCents);
}

describe("the régies' books under random runs of families", () => {
  it('hold after every run, numbered without gaps, each régie with its own', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 2, maxLength: 8 }), fc.boolean(), async (steps, erased) => {
        run += 1;
        const family = await twoCommunesFamily(database.db, `livres-${run}@example.fr`);
        for (const [index, step] of steps.entries()) await perform(family, step, run * 100 + index);
        if (erased) await erase(family.user.id);
        await expectBooksHold();
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // The runs met both régies' products (forty orders or so, two in three with a canteen).
    const regies = await database.db.selectFrom('journal_entries').select('regie_id').distinct().where('product_id', 'is not', null).execute();
    expect(regies).toHaveLength(2);
  }, 120_000);
});
