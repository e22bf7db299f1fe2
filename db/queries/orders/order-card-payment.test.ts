// The step that names an order's card payment, run twice at once as a busy worker does when a
// workflow task timed out while its first run was still at work: one payment, the same reference
// for both, the one the order's page shows. Before the order's row was locked, the two runs named
// two payments; the parent paid the page's, the workflow waited for the other, and the order was
// abandoned half an hour later with the money taken.
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/dates.ts';
import { bookingFamily, holdPlaces, serviceDaysFrom } from '../../../test/helpers/booking.ts';
import { bookableSeasonDay, testNow, testToday } from '../../../test/helpers/clock.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { loadDemoCatalogue } from '../../demo/load.ts';
import { confirmOrder, createOrderCardPayment, creditCardPartToWallet, settleLateOrderPayment, settleOrderCardPayment } from './order-outcome.ts';
import { balance } from '../wallet/wallet.ts';
import { createOrderFromCart } from './orders.ts';
import { planOrderPayment, reopenOrderPayment } from './order-steps.ts';

const database = useTestDatabase();

/** A family's order of one day, its whole price to pay by card. */
async function cardOrder(email: string, dayIndex: number) {
  const family = await bookingFamily(database.db, email);
  const days = await serviceDaysFrom(database.db, 'Matin', addDays(testToday(), 14), dayIndex + 1);
  if (!(await holdPlaces(database.db, family, 'Matin', [days[dayIndex]!], testNow())).ok) throw new Error('hold refused');
  const order = (await createOrderFromCart(database.db, family.user.id, testNow()))!;
  await planOrderPayment(database.db, order.orderId, 0, order.totalCents);
  return { family, order };
}

describe("an order's card payment", () => {
  beforeAll(async () => {
    await loadDemoCatalogue(database.db, bookableSeasonDay());
  });

  it('is named once when its step runs twice at the same moment', async () => {
    const { family, order } = await cardOrder('deux-executions@example.fr', 0);
    for (let round = 0; round < 5; round += 1) {
      if (round > 0) {
        await database.db.updateTable('orders').set({ card_payment_id: null }).where('id', '=', order.orderId).execute();
        await database.db.deleteFrom('payments').where('user_id', '=', family.user.id).execute();
      }
      const named = await Promise.all([createOrderCardPayment(database.db, order.orderId, 'CB'), createOrderCardPayment(database.db, order.orderId, 'CB')]);
      expect(named[1]).toEqual(named[0]);
      const payments = await database.db.selectFrom('payments').select('id').where('user_id', '=', family.user.id).execute();
      expect(payments).toEqual([{ id: named[0].paymentId }]);
      expect((await database.db.selectFrom('orders').select('card_payment_id').where('id', '=', order.orderId).executeTakeFirstOrThrow()).card_payment_id).toBe(named[0].paymentId);
    }
  });

  it('paid, its place lost and its card part given back by the order, is not given back again by a notification replayed late', async () => {
    const { family, order } = await cardOrder('rejouee@example.fr', 1);
    const { paymentId } = await createOrderCardPayment(database.db, order.orderId, 'CB');
    // The order's own path: the card paid, the place lost, the card part to the wallet, the order abandoned.
    await database.db.updateTable('payments').set({ state: 'paid' }).where('id', '=', paymentId).execute();
    await creditCardPartToWallet(database.db, order.orderId, `order-${order.number}/card-to-wallet`);
    await database.db.updateTable('orders').set({ state: 'abandoned' }).where('id', '=', order.orderId).execute();
    expect(await balance(database.db, family.user.id)).toBe(order.totalCents);
    // The same signed fields sent again to the notification, the order's workflow ended.
    expect(await settleLateOrderPayment(database.db, paymentId, order.totalCents, testNow())).toBe('nothing-to-do');
    expect(await balance(database.db, family.user.id)).toBe(order.totalCents);
  });

  it('paid after its order was abandoned, goes to the wallet once, however often it is notified', async () => {
    const { family, order } = await cardOrder('tardive@example.fr', 2);
    const { paymentId } = await createOrderCardPayment(database.db, order.orderId, 'CB');
    await database.db.updateTable('payments').set({ state: 'expired' }).where('id', '=', paymentId).execute();
    await database.db.updateTable('orders').set({ state: 'abandoned' }).where('id', '=', order.orderId).execute();
    const settled = await Promise.all([1, 2, 3].map(() => settleLateOrderPayment(database.db, paymentId, order.totalCents, testNow())));
    expect(settled.sort()).toEqual(['nothing-to-do', 'nothing-to-do', 'refunded-to-wallet']);
    expect(await balance(database.db, family.user.id)).toBe(order.totalCents);
  });

  it('refused on a first try, then paid late while the order was paid by another card, goes to the wallet once', async () => {
    const { family, order } = await cardOrder('deux-essais@example.fr', 3);
    const first = await createOrderCardPayment(database.db, order.orderId, 'CB');
    await settleOrderCardPayment(database.db, { paymentId: first.paymentId, state: 'refused' }, testNow());
    // The family tries again: the order back at its payment, a second card payment, paid and confirmed.
    await reopenOrderPayment(database.db, order.orderId, new Date(testNow().getTime() + 30 * 60_000));
    await planOrderPayment(database.db, order.orderId, 0, order.totalCents);
    const second = await createOrderCardPayment(database.db, order.orderId, 'CB');
    expect(second.paymentId).not.toBe(first.paymentId);
    await settleOrderCardPayment(database.db, { paymentId: second.paymentId, state: 'paid' }, testNow());
    await confirmOrder(database.db, order.orderId, testNow());
    // The bank says, late, that the first card was paid after all: the family paid twice.
    const settled = await Promise.all([1, 2, 3].map(() => settleLateOrderPayment(database.db, first.paymentId, order.totalCents, testNow())));
    expect(settled.sort()).toEqual(['nothing-to-do', 'nothing-to-do', 'refunded-to-wallet']);
    expect(await balance(database.db, family.user.id)).toBe(order.totalCents);
    // The second payment, the order's own, is never given back by a notification replayed late.
    expect(await settleLateOrderPayment(database.db, second.paymentId, order.totalCents, testNow())).toBe('nothing-to-do');
    expect(await balance(database.db, family.user.id)).toBe(order.totalCents);
  });
});
