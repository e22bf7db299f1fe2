// The kitchen capability's pages: the kitchen's meal counts. Mounted by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { kitchenAccess, kitchenRoutes } from './kitchen.tsx';

export const kitchen: WebCapability = {
  name: 'kitchen',
  prefixes: ['/agent/cuisine'],
  access: { ...kitchenAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/agent', kitchenRoutes(deps));
    return router;
  },
};
