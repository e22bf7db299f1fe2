// The orders capability's pages: the checkout, the families' orders and reservations, and the
// staff's orders. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { checkoutAccess, checkoutRoutes } from './checkout.tsx';
import { historyAccess, historyRoutes } from './history.tsx';
import { staffOrderAccess, staffOrderRoutes } from './staff.tsx';

export const orders = webCapability('orders', ['/commande', '/conditions-generales-de-vente', '/mon-compte/commandes', '/mon-compte/reservations', '/agent/commandes'], [
  { at: '/', routes: checkoutRoutes, access: checkoutAccess },
  { at: '/', routes: historyRoutes, access: historyAccess },
  { at: '/agent', routes: staffOrderRoutes, access: staffOrderAccess },
]);
