// The régies capability's pages: the régies' settings, their journal, the counter and its
// receipts. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { counterAccess, counterRoutes } from './counter.tsx';
import { journalAccess, journalRoutes } from './journal.tsx';
import { familyReceiptAccess, familyReceiptRoutes } from './family-receipts.tsx';
import { regiesAdminAccess, regiesAdminRoutes } from './regies-admin.tsx';

export const regies = webCapability('regies', ['/agent/regies', '/mon-compte/porte-monnaie/recus'], [
  { at: '/agent/regies', routes: regiesAdminRoutes, access: regiesAdminAccess },
  { at: '/agent/regies', routes: journalRoutes, access: journalAccess },
  { at: '/agent/regies', routes: counterRoutes, access: counterAccess },
  { at: '/mon-compte/porte-monnaie/recus', routes: familyReceiptRoutes, access: familyReceiptAccess },
]);
