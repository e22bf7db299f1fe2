// The absences capability's pages: absences for illness: declared by families, decided by staff.
// Mounted by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { absenceFamilyAccess, absenceFamilyRoutes } from './family.tsx';
import { absenceStaffAccess, absenceStaffRoutes } from './staff.tsx';

export const absences: WebCapability = {
  name: 'absences',
  prefixes: ['/mon-compte/absences', '/mon-compte/reservations/*/absence', '/agent/absences'],
  access: { ...absenceFamilyAccess, ...absenceStaffAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/', absenceFamilyRoutes(deps));
    router.route('/agent', absenceStaffRoutes(deps));
    return router;
  },
};
