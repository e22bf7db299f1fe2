// The registration capability's pages: the yearly « dossier unique », confirmed by families and
// followed by staff. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { registrationFamilyAccess, registrationFamilyRoutes } from './family.tsx';
import { registrationStaffAccess, registrationStaffRoutes } from './staff.tsx';

export const registration = webCapability('registration', ['/mon-compte/dossier-annuel', '/agent/inscriptions'], [
  { at: '/', routes: registrationFamilyRoutes, access: registrationFamilyAccess },
  { at: '/agent', routes: registrationStaffRoutes, access: registrationStaffAccess },
]);
