// The payments capability's pages: the card provider's notification, its sandbox, and the staff's
// reconciliation of card payments. Mounted by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { paymentNotificationAccess, paymentNotificationRoutes } from './notification.ts';
import { paymentReconciliationAccess, paymentReconciliationRoutes } from './reconciliation.tsx';
import { sandboxAccess, sandboxRoutes } from './sandbox.tsx';

export const payments: WebCapability = {
  name: 'payments',
  prefixes: ['/paiement', '/sandbox', '/agent/paiements'],
  access: { ...paymentNotificationAccess, ...paymentReconciliationAccess, ...sandboxAccess },
  router: (deps, { devTools }) => {
    const router = new Hono<AppEnv>();
    router.route('/', paymentNotificationRoutes(deps));
    router.route('/agent', paymentReconciliationRoutes(deps));
    if (devTools && deps.sandbox) router.route('/sandbox/paybox', sandboxRoutes(deps.sandbox, deps.logger));
    return router;
  },
};
