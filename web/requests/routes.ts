// The requests capability's pages: the démarches: forms the families fill in, and staff's forms and
// decisions. Mounted by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { onlineRequestAccess, onlineRequestRoutes as staffRequestRoutes } from './staff.tsx';
import { onlineRequestFamilyAccess, onlineRequestRoutes } from './family.tsx';
import { requestFormAccess, requestFormRoutes } from './forms.tsx';

export const requests: WebCapability = {
  name: 'requests',
  prefixes: ['/demarches', '/mon-compte/demarches', '/agent/demarches'],
  access: { ...onlineRequestFamilyAccess, ...requestFormAccess, ...onlineRequestAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/', onlineRequestRoutes(deps));
    router.route('/agent', requestFormRoutes(deps));
    router.route('/agent', staffRequestRoutes(deps));
    return router;
  },
};
