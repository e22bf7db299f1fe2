// Staff: the card payments of their communes' families that wait to be reconciled.
import { Hono } from 'hono';
import { paymentsToReconcile } from '../../../db/queries/payments.ts';
import { staffCommuneIds } from '../../../db/queries/users.ts';
import type { AppDeps } from '../../app.ts';
import type { AppEnv } from '../../env.ts';
import { currentUser } from '../../middleware/guards.ts';
import { PaymentsToReconcilePage } from '../../views/agent/payments.tsx';
import type { AccessTable } from '../../access.ts';

/** Who may call each route below (see web/access.ts). */
export const paymentReconciliationAccess = {
  'GET /agent/paiements': { who: 'staff' },
} satisfies AccessTable;

export function paymentReconciliationRoutes({ db }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();
  router.get('/paiements', async (c) => {
    const payments = await paymentsToReconcile(db, await staffCommuneIds(db, currentUser(c)));
    return c.render(<PaymentsToReconcilePage payments={payments} />, { title: 'Paiements à vérifier' });
  });
  return router;
}
