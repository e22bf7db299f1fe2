// An order survives its worker: the basket's worker stops in the middle of the payment, the
// provider's notification arrives while no worker runs, another worker starts, and the order
// completes exactly once (one wallet debit, one set of reservations).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@temporalio/client';
import { createOrderFromCart } from '../../db/queries/orders/orders.ts';
import { moveMoney } from '../../db/queries/wallet/wallet.ts';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { bookingFamily, holdPlaces } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { connectClient, startAppWorker, uniqueTaskQueue } from '../../test/helpers/temporal.ts';
import { payOrder, placeOrder } from './basket.messages.ts';
import { basket } from './basket.ts';
import { cardPaymentNotified } from './order.messages.ts';
import { testNow } from '../../test/helpers/clock.ts';

const database = useTestDatabase();
let client: Client;
beforeAll(async () => {
  client = await connectClient();
  await loadDemoCatalogue(database.db, '2026-11-27');
});
afterAll(async () => {
  await client.connection.close();
});

describe('order across a worker restart', () => {
  it('completes exactly once', async () => {
    const taskQueue = uniqueTaskQueue('restart');
    const family = await bookingFamily(database.db, 'redemarrage@example.fr');
    await moveMoney(database.db, { userId: family.user.id, amountCents: 2000, kind: 'topup', label: 'Recharge', idempotencyKey: 'seed-restart' });
    const held = await holdPlaces(database.db, family, 'Matin', ['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23'], testNow());
    if (!held.ok) throw new Error('hold refused');

    const first = await startAppWorker(database.db, taskQueue);
    const handle = await client.workflow.start(basket, {
      taskQueue,
      workflowId: `order-${held.basket}-${taskQueue}`,
      args: [{ number: held.basket, expiresAt: new Date(testNow().getTime() + 30 * 60_000).toISOString() }],
    });
    const created = (await createOrderFromCart(database.db, family.user.id, testNow()))!;
    await handle.executeUpdate(placeOrder, { args: [created] });
    expect((await handle.executeUpdate(payOrder, { args: [{ walletCents: 2000, cardCents: 1160, cardType: 'VISA' }] })).status).toBe('awaiting-card');
    await first.stop();

    // No worker now: the notification waits in the workflow's history.
    await handle.signal(cardPaymentNotified, { outcome: 'paid', amountCents: 1160, transaction: '7', errorCode: '00000' });
    await handle.signal(cardPaymentNotified, { outcome: 'paid', amountCents: 1160, transaction: '7', errorCode: '00000' });

    const second = await startAppWorker(database.db, taskQueue);
    try {
      expect((await handle.result()).status).toBe('paid');
    } finally {
      await second.stop();
    }
    const debits = await database.db.selectFrom('wallet_entries').select('amount_cents').where('user_id', '=', family.user.id).where('kind', '=', 'payment').execute();
    expect(debits).toEqual([{ amount_cents: -2000 }]);
    const reservations = await database.db.selectFrom('reservations').select('id').where('user_id', '=', family.user.id).execute();
    expect(reservations).toHaveLength(4);
    const tickets = await database.db.selectFrom('e_tickets').select('id').where('reservation_id', 'in', reservations.map((r) => r.id)).execute();
    expect(tickets).toHaveLength(4);
  }, 60_000);
});
