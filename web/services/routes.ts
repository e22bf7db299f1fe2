// The services capability's pages: the communes' service offers and the families' subscriptions to
// them. Mounted by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { serviceAccess, serviceRoutes } from './family.tsx';
import { serviceOfferAccess, serviceOfferRoutes } from './offers.tsx';
import { serviceRequestAccess, serviceRequestRoutes } from './staff.tsx';

export const services: WebCapability = {
  name: 'services',
  prefixes: ['/mon-compte/services', '/agent/services'],
  access: { ...serviceAccess, ...serviceOfferAccess, ...serviceRequestAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/', serviceRoutes(deps));
    router.route('/agent', serviceOfferRoutes(deps));
    router.route('/agent', serviceRequestRoutes(deps));
    return router;
  },
};
