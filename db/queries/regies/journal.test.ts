import { describe, expect, it } from 'vitest';
import { addDays, parisDate } from '../../../domain/dates.ts';
import { createParent, createStaff } from '../../../test/helpers/accounts.ts';
import { bookableSeasonDay, testNow, testToday } from '../../../test/helpers/clock.ts';
import { bookingFamily, holdPlaces, serviceDaysFrom } from '../../../test/helpers/booking.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { loadDemoCatalogue } from '../../demo/load.ts';
import { confirmOrder, debitWalletForOrder, refundWalletForOrder, settleOrderCardPayment, createOrderCardPayment } from '../orders/order-outcome.ts';
import { planOrderPayment } from '../orders/order-steps.ts';
import { createOrderFromCart } from '../orders/orders.ts';
import { moveMoney } from '../wallet/index.ts';
import { booksProblems } from './books.ts';
import { familyRegie } from './journal.ts';

const database = useTestDatabase();

async function entries(userId: number) {
  return database.db.selectFrom('journal_entries').select(['regie_id', 'series', 'number', 'kind', 'method', 'amount_cents', 'wallet_cents', 'day']).where('user_id', '=', userId).orderBy('id').execute();
}

describe("the régies' journal", () => {
  it('records a top-up, an order paid by wallet and card, and a refund; the books hold', async () => {
    await loadDemoCatalogue(database.db, bookableSeasonDay());
    const family = await bookingFamily(database.db, 'journal@example.fr');
    await moveMoney(database.db, { userId: family.user.id, amountCents: 1000, kind: 'topup', label: 'Recharge', idempotencyKey: 'journal-topup', at: testNow() });
    const days = await serviceDaysFrom(database.db, 'Matin', addDays(testToday(), 21), 2);
    const held = await holdPlaces(database.db, family, 'Matin', days, testNow());
    expect(held.ok).toBe(true);
    const order = (await createOrderFromCart(database.db, family.user.id, testNow()))!;
    await planOrderPayment(database.db, order.orderId, 500, order.totalCents - 500);
    await debitWalletForOrder(database.db, order.orderId, 'journal-debit');
    await debitWalletForOrder(database.db, order.orderId, 'journal-debit');
    const card = await createOrderCardPayment(database.db, order.orderId, 'CB');
    await settleOrderCardPayment(database.db, { paymentId: card.paymentId, state: 'paid', transaction: '123' }, testNow());
    await settleOrderCardPayment(database.db, { paymentId: card.paymentId, state: 'paid', transaction: '123' }, testNow());
    await confirmOrder(database.db, order.orderId, testNow());

    const regie = await familyRegie(database.db, family.user.id);
    const journal = await entries(family.user.id);
    expect(journal.map((e) => [e.kind, e.series, e.number, e.method, e.amount_cents, e.wallet_cents])).toEqual([
      ['top-up', 'receipt', 1, 'card', 1000, 1000],
      ['wallet-payment', 'receipt', 2, 'wallet', 500, -500],
      ['card-payment', 'receipt', 3, 'card', order.totalCents - 500, 0],
    ]);
    expect(new Set(journal.map((e) => e.regie_id))).toEqual(new Set([regie]));
    expect(await booksProblems(database.db)).toEqual([]);

    await refundWalletForOrder(database.db, order.orderId, 'journal-refund');
    const refund = (await entries(family.user.id)).at(-1)!;
    expect([refund.kind, refund.series, refund.number, refund.amount_cents, refund.wallet_cents]).toEqual(['refund-to-wallet', 'refund', 1, 500, 500]);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it('numbers without gaps however many movements race, and never on a closed day', async () => {
    const parents = await Promise.all(Array.from({ length: 5 }, (_, i) => createParent(database.db, `course-${i}@example.fr`, { status: 'validated', commune: 'rosieres' })));
    const regie = await familyRegie(database.db, parents[0]!.id);
    const staff = await createStaff(database.db, 'regisseur@example.fr', ['rosieres']);
    const at = testNow();
    const today = parisDate(at);
    await database.db.insertInto('regie_closings').values({ regie_id: regie, day: today, totals: '{}', closed_by: staff.id }).execute();
    const results = await Promise.allSettled(
      parents.flatMap((parent, i) => Array.from({ length: 6 }, (_, j) => moveMoney(database.db, { userId: parent.id, amountCents: 100 + j, kind: 'topup', label: 'Recharge', idempotencyKey: `race-${i}-${j}`, at }))),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows = await database.db.selectFrom('journal_entries').select(['number', 'day']).where('regie_id', '=', regie).where('year', '=', Number(today.slice(0, 4))).where('series', '=', 'receipt').orderBy('number').execute();
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    const late = await database.db.selectFrom('journal_entries').select('day').where('idempotency_key', 'like', 'race-%').execute();
    expect(new Set(late.map((r) => r.day))).toEqual(new Set([addDays(today, 1)]));
    expect(await booksProblems(database.db)).toEqual([]);
    await expect(database.db.deleteFrom('journal_entries').execute()).rejects.toThrow(/append-only/);
  });
});
