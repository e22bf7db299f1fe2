// The waitlist capability's pages: the waiting lists: a family's places in line, and a product's
// lines for staff. Mounted by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { waitlistFamilyAccess, waitlistFamilyRoutes } from './family.tsx';
import { waitlistJoinAccess, waitlistJoinRoutes } from './join.tsx';
import { waitlistStaffAccess, waitlistStaffRoutes } from './staff.tsx';

export const waitlist: WebCapability = {
  name: 'waitlist',
  prefixes: ['/mon-compte/listes-attente', '/produits/*/liste-attente', '/agent/catalogue/*/attente'],
  access: { ...waitlistFamilyAccess, ...waitlistJoinAccess, ...waitlistStaffAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/', waitlistFamilyRoutes(deps));
    router.route('/', waitlistJoinRoutes(deps));
    router.route('/agent', waitlistStaffRoutes(deps));
    return router;
  },
};
