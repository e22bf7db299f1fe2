// The requests capability's pages: the démarches: forms the families fill in, and staff's forms and
// decisions. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { onlineRequestAccess, onlineRequestRoutes as staffRequestRoutes } from './staff.tsx';
import { onlineRequestFamilyAccess, onlineRequestRoutes } from './family.tsx';
import { requestFormAccess, requestFormRoutes } from './forms.tsx';

export const requests = webCapability('requests', ['/demarches', '/mon-compte/demarches', '/agent/demarches'], [
  { at: '/', routes: onlineRequestRoutes, access: onlineRequestFamilyAccess },
  { at: '/agent', routes: requestFormRoutes, access: requestFormAccess },
  { at: '/agent', routes: staffRequestRoutes, access: onlineRequestAccess },
]);
