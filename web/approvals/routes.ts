// The approvals capability's pages: the staff's queue of accounts waiting for validation, and their
// decisions. Mounted by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { validationAccess, validationRoutes } from './validations.tsx';

export const approvals: WebCapability = {
  name: 'approvals',
  prefixes: ['/agent/validations'],
  access: { ...validationAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/agent', validationRoutes(deps));
    return router;
  },
};
