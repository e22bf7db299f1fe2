// The waitlist capability's pages: the waiting lists: a family's places in line, and a product's
// lines for staff. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { waitlistFamilyAccess, waitlistFamilyRoutes } from './family.tsx';
import { waitlistJoinAccess, waitlistJoinRoutes } from './join.tsx';
import { waitlistStaffAccess, waitlistStaffRoutes } from './staff.tsx';

export const waitlist = webCapability('waitlist', ['/mon-compte/listes-attente', '/produits/*/liste-attente', '/agent/catalogue/*/attente'], [
  { at: '/', routes: waitlistFamilyRoutes, access: waitlistFamilyAccess },
  { at: '/', routes: waitlistJoinRoutes, access: waitlistJoinAccess },
  { at: '/agent', routes: waitlistStaffRoutes, access: waitlistStaffAccess },
]);
