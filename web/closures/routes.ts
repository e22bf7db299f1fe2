// The closures capability's pages: exceptional closures and what they cancel and refund. Mounted by
// web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { closureAccess, closureRoutes } from './closures.tsx';

export const closures: WebCapability = {
  name: 'closures',
  prefixes: ['/agent/fermetures'],
  access: { ...closureAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/agent', closureRoutes(deps));
    return router;
  },
};
