// The catalogue capability's pages: what the communes offer, by commune and category, and the
// staff's catalogue. Mounted by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { catalogueAccess, catalogueRoutes } from './public.tsx';
import { catalogueAdminAccess, catalogueAdminRoutes } from './staff.tsx';
import { catalogueEditAccess, catalogueEditRoutes } from './staff-edit.tsx';

export const catalogue: WebCapability = {
  name: 'catalogue',
  prefixes: ['/communes', '/categories', '/agent/catalogue'],
  access: { ...catalogueAccess, ...catalogueAdminAccess, ...catalogueEditAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/', catalogueRoutes(deps));
    router.route('/agent', catalogueAdminRoutes(deps));
    router.route('/agent', catalogueEditRoutes(deps));
    return router;
  },
};
