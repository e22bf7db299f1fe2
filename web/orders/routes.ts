// The orders capability's pages: the checkout, the families' orders and reservations, and the
// staff's orders. Mounted by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { checkoutAccess, checkoutRoutes } from './checkout.tsx';
import { historyAccess, historyRoutes } from './history.tsx';
import { staffOrderAccess, staffOrderRoutes } from './staff.tsx';

export const orders: WebCapability = {
  name: 'orders',
  prefixes: ['/commande', '/conditions-generales-de-vente', '/mon-compte/commandes', '/mon-compte/reservations', '/agent/commandes'],
  access: { ...checkoutAccess, ...historyAccess, ...staffOrderAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/', checkoutRoutes(deps));
    router.route('/', historyRoutes(deps));
    router.route('/agent', staffOrderRoutes(deps));
    return router;
  },
};
