// The family capability's pages: the family's children and addresses, and the staff's family files.
// Mounted by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { familyAccess, familyRoutes } from './family.tsx';
import { familySearchAccess, familySearchRoutes } from './staff.tsx';

export const family: WebCapability = {
  name: 'family',
  prefixes: ['/mon-compte/filiations', '/mon-compte/adresses', '/agent/familles'],
  access: { ...familyAccess, ...familySearchAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/', familyRoutes(deps));
    router.route('/agent', familySearchRoutes(deps));
    return router;
  },
};
