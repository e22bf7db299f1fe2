// The hold sweep's safety net for orders (its SQL and the reasons: db/queries/orders/interrupted-orders.ts).
import type { Db } from '../../db/connection.ts';
import { abandonInterruptedOrders } from '../../db/queries/orders/interrupted-orders.ts';

export function createInterruptedOrderActivities({ db, now }: { db: Db; now: () => Date }) {
  return {
    abandonInterruptedOrders: () => abandonInterruptedOrders(db, now()),
  };
}
