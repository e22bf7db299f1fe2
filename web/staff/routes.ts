// The staff capability's pages: staff accounts and the audit journal. Mounted by
// web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { auditAccess, auditRoutes } from './audit.tsx';
import { staffAccountAccess, staffAccountRoutes } from './accounts.tsx';

export const staff: WebCapability = {
  name: 'staff',
  prefixes: ['/agent/agents', '/agent/journal'],
  access: { ...staffAccountAccess, ...auditAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/agent', staffAccountRoutes(deps));
    router.route('/agent', auditRoutes(deps));
    return router;
  },
};
