// The family capability's pages: the family's children and addresses, and the staff's family files.
// Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { familyAccess, familyRoutes } from './family.tsx';
import { familySearchAccess, familySearchRoutes } from './staff.tsx';

export const family = webCapability('family', ['/mon-compte/filiations', '/mon-compte/adresses', '/agent/familles'], [
  { at: '/', routes: familyRoutes, access: familyAccess },
  { at: '/agent', routes: familySearchRoutes, access: familySearchAccess },
]);
