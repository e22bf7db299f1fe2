// The guardians capability's pages: shared custody from « Mes filiations » (invitation of the other
// parent, billing rules, end of the sharing) and the invitee's link. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { custodyAccess, custodyRoutes } from './custody.tsx';
import { invitationAccess, invitationRoutes } from './invitation.tsx';

export const guardians = webCapability('guardians', ['/mon-compte/garde-partagee', '/garde-partagee'], [
  { at: '/', routes: custodyRoutes, access: custodyAccess },
  { at: '/', routes: invitationRoutes, access: invitationAccess },
]);
