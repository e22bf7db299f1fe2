// The payments capability's pages: the card providers' notifications (Paybox, PayFiP), their sandboxes, and the staff's
// reconciliation of card payments. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { paymentNotificationAccess, paymentNotificationRoutes } from './notification.ts';
import { paymentReconciliationAccess, paymentReconciliationRoutes } from './reconciliation.tsx';
import { sandboxAccess, sandboxRoutes } from './sandbox.tsx';
import { payfipNotificationAccess, payfipNotificationRoutes } from './payfip-notification.ts';
import { payfipSandboxAccess, payfipSandboxRoutes } from './payfip-sandbox.tsx';

export const payments = webCapability('payments', ['/paiement', '/sandbox', '/agent/paiements'], [
  { at: '/', routes: paymentNotificationRoutes, access: paymentNotificationAccess },
  { at: '/', routes: payfipNotificationRoutes, access: payfipNotificationAccess },
  { at: '/agent', routes: paymentReconciliationRoutes, access: paymentReconciliationAccess },
  { at: '/sandbox/paybox', routes: (deps) => sandboxRoutes(deps.sandbox!, deps.logger), access: sandboxAccess, when: (deps, mount) => mount.devTools && deps.sandbox !== null },
  { at: '/sandbox/payfip', routes: payfipSandboxRoutes, access: payfipSandboxAccess, when: (_deps, mount) => mount.devTools },
]);
