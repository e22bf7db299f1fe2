// The step that names an order's card payment, run twice at once as a busy worker does when a
// workflow task timed out while its first run was still at work: one payment, the same reference
// for both, the one the order's page shows. Before the order's row was locked, the two runs named
// two payments; the parent paid the page's, the workflow waited for the other, and the order was
// abandoned half an hour later with the money taken.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/dates.ts';
import { bookingFamily, holdPlaces, serviceDaysFrom } from '../../test/helpers/booking.ts';
import { bookableSeasonDay, testNow, testToday } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { loadDemoCatalogue } from '../demo/load.ts';
import { createOrderCardPayment } from './order-outcome.ts';
import { createOrderFromCart } from './orders.ts';
import { planOrderPayment } from './order-steps.ts';

const database = useTestDatabase();

describe("an order's card payment", () => {
  it('is named once when its step runs twice at the same moment', async () => {
    await loadDemoCatalogue(database.db, bookableSeasonDay());
    const family = await bookingFamily(database.db, 'deux-executions@example.fr');
    const [day] = await serviceDaysFrom(database.db, 'Matin', addDays(testToday(), 14), 1);
    if (!(await holdPlaces(database.db, family, 'Matin', [day!], testNow())).ok) throw new Error('hold refused');
    const order = (await createOrderFromCart(database.db, family.user.id, testNow()))!;
    await planOrderPayment(database.db, order.orderId, 0, order.totalCents);
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
});
