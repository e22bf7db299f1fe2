// The personal-data capability's pages: the RGPD pages: a family's data, its archive and its
// erasure. Mounted by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { erasureAccess, erasureRoutes } from './erasures.tsx';
import { personalDataAccess, personalDataRoutes } from './personal-data.tsx';

export const personalData: WebCapability = {
  name: 'personal-data',
  prefixes: ['/mon-compte/donnees', '/effacement-demande', '/agent/effacements'],
  access: { ...personalDataAccess, ...erasureAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/', personalDataRoutes(deps));
    router.route('/agent', erasureRoutes(deps));
    return router;
  },
};
