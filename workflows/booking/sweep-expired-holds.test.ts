// The safety net behind the holds: a schedule that runs sweepExpiredHolds, which closes holds
// whose own workflow was lost.
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrderFromCart } from '../../db/queries/orders/orders.ts';
import { moveMoney } from '../../db/queries/wallet/wallet.ts';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { backdateOrder, bookingFamily, holdPlaces } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTestSchedules } from '../../test/helpers/schedules.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { HOLD_SWEEP_SCHEDULE_ID } from './reservation-hold.messages.ts';
import { sweepExpiredHolds } from './sweep-expired-holds.ts';
import { testNow } from '../../test/helpers/clock.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db } });
const schedules = useTestSchedules(temporal);

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
});
describe('hold sweep', () => {
  it('is scheduled every 5 minutes, once however often the worker starts', async () => {
    const schedule = await schedules.ensuredTwice(HOLD_SWEEP_SCHEDULE_ID);
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'sweepExpiredHolds' });
    expect(schedule.spec.intervals?.[0]?.every).toBe(5 * 60_000);
  });

  it('closes holds past their expiry and leaves the others', async () => {
    const family = await bookingFamily(database.db, 'perdu@example.fr', [{ first: 'Léa', birth: '2018-01-01' }, { first: 'Tom', birth: '2019-01-01' }]);
    const old = await holdPlaces(database.db, family, 'Matin', ['2026-12-09'], new Date(testNow().getTime() - 3600_000));
    const fresh = await holdPlaces(database.db, family, 'Après-midi', ['2026-12-16'], testNow());
    if (!old.ok || !fresh.ok) throw new Error('hold refused');
    const closed = await temporal.client.workflow.execute(sweepExpiredHolds, { taskQueue: temporal.taskQueue, workflowId: `sweep-test-${temporal.taskQueue}` });
    expect(closed).toBe(2);
    const states = await database.db.selectFrom('holds').select(['id', 'state']).where('user_id', '=', family.user.id).orderBy('id').execute();
    expect(states.map((s) => s.state)).toEqual(['expired', 'expired', 'held', 'held']);
  });

  it('then closes the orders left open by a lost workflow, once their holds ended, if they took no money', async () => {
    const longAgo = new Date(testNow().getTime() - 3600_000);
    const orderOf = async (email: string, when: Date) => {
      const family = await bookingFamily(database.db, email);
      if (!(await holdPlaces(database.db, family, 'Matin', ['2026-12-09'], when)).ok) throw new Error('hold refused');
      const order = (await createOrderFromCart(database.db, family.user.id, when))!;
      await backdateOrder(database.db, order.orderId, when);
      return { family, order };
    };
    const lost = await orderOf('orpheline@example.fr', longAgo);
    const paying = await orderOf('payante@example.fr', longAgo);
    await moveMoney(database.db, { userId: paying.family.user.id, amountCents: 5000, kind: 'topup', label: 'Recharge', idempotencyKey: 'sweep-topup' });
    await moveMoney(database.db, { userId: paying.family.user.id, amountCents: -790, kind: 'adjustment', label: 'Commande', idempotencyKey: `order-${paying.order.number}/wallet-debit` });
    const live = await orderOf('vivante@example.fr', testNow());

    await temporal.client.workflow.execute(sweepExpiredHolds, { taskQueue: temporal.taskQueue, workflowId: `sweep-orders-${temporal.taskQueue}` });
    const stateOf = async (id: number) => (await database.db.selectFrom('orders').select(['state', 'abandon_reason']).where('id', '=', id).executeTakeFirstOrThrow());
    expect(await stateOf(lost.order.orderId)).toEqual({ state: 'abandoned', abandon_reason: 'commande interrompue' });
    expect((await stateOf(paying.order.orderId)).state).toBe('open');
    expect((await stateOf(live.order.orderId)).state).toBe('open');
  });
});
