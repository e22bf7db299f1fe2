// The payments capability's pages: the card provider's notification, its sandbox, and the staff's
// reconciliation of card payments. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { paymentNotificationAccess, paymentNotificationRoutes } from './notification.ts';
import { paymentReconciliationAccess, paymentReconciliationRoutes } from './reconciliation.tsx';
import { sandboxAccess, sandboxRoutes } from './sandbox.tsx';

export const payments = webCapability('payments', ['/paiement', '/sandbox', '/agent/paiements'], [
  { at: '/', routes: paymentNotificationRoutes, access: paymentNotificationAccess },
  { at: '/agent', routes: paymentReconciliationRoutes, access: paymentReconciliationAccess },
  { at: '/sandbox/paybox', routes: (deps) => sandboxRoutes(deps.sandbox!, deps.logger), access: sandboxAccess, when: (deps, mount) => mount.devTools && deps.sandbox !== null },
]);
