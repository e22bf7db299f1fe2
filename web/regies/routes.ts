// The régies capability's pages: the régies' settings, their journal, the counter and its
// receipts, the daily closing, the monthly statements and the PES file. Mounted by
// web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { closingAccess, closingRoutes } from './closing.tsx';
import { counterAccess, counterRoutes } from './counter.tsx';
import { journalAccess, journalRoutes } from './journal.tsx';
import { familyReceiptAccess, familyReceiptRoutes } from './family-receipts.tsx';
import { regiesAdminAccess, regiesAdminRoutes } from './regies-admin.tsx';
import { statementAccess, statementRoutes } from './statements.tsx';

export const regies = webCapability('regies', ['/agent/regies', '/mon-compte/porte-monnaie/recus'], [
  { at: '/agent/regies', routes: regiesAdminRoutes, access: regiesAdminAccess },
  { at: '/agent/regies', routes: journalRoutes, access: journalAccess },
  { at: '/agent/regies', routes: counterRoutes, access: counterAccess },
  { at: '/agent', routes: closingRoutes, access: closingAccess },
  { at: '/agent', routes: statementRoutes, access: statementAccess },
  { at: '/mon-compte/porte-monnaie/recus', routes: familyReceiptRoutes, access: familyReceiptAccess },
]);
