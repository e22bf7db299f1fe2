// The site capability's pages: the home page, static files and the health check. Mounted by
// web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { healthAccess, healthRoutes } from './health.ts';
import { homeAccess, homeRoutes } from './home.tsx';
import { staticAccess, staticRoutes } from './static.ts';

export const site: WebCapability = {
  name: 'site',
  prefixes: ['/', '/static', '/health'],
  access: { ...homeAccess, ...staticAccess, ...healthAccess },
  bare: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/static', staticRoutes());
    router.route('/health', healthRoutes(deps));
    return router;
  },
  router: () => {
    const router = new Hono<AppEnv>();
    router.route('/', homeRoutes());
    return router;
  },
};
