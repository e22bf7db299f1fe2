// The régies capability's pages: the régies of the staff's communes, the daily closing, the
// monthly statements and the PES file. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { closingAccess, closingRoutes } from './closing.tsx';
import { regieListAccess, regieListRoutes } from './regie-list.tsx';
import { statementAccess, statementRoutes } from './statements.tsx';

export const regies = webCapability('regies', ['/agent/regies'], [
  { at: '/agent', routes: regieListRoutes, access: regieListAccess },
  { at: '/agent', routes: closingRoutes, access: closingAccess },
  { at: '/agent', routes: statementRoutes, access: statementAccess },
]);
