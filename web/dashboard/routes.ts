// The dashboard capability's pages: the staff's home: the day's figures and what waits for them.
// Mounted by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { dashboardAccess, dashboardRoutes } from './dashboard.tsx';

export const dashboard: WebCapability = {
  name: 'dashboard',
  prefixes: ['/agent'],
  access: { ...dashboardAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/agent', dashboardRoutes(deps));
    return router;
  },
};
