// The absences capability's pages: absences for illness: declared by families, decided by staff.
// Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { absenceFamilyAccess, absenceFamilyRoutes } from './family.tsx';
import { absenceStaffAccess, absenceStaffRoutes } from './staff.tsx';

export const absences = webCapability('absences', ['/mon-compte/absences', '/mon-compte/reservations/*/absence', '/agent/absences'], [
  { at: '/', routes: absenceFamilyRoutes, access: absenceFamilyAccess },
  { at: '/agent', routes: absenceStaffRoutes, access: absenceStaffAccess },
]);
