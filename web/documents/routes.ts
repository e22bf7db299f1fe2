// The documents capability's pages: a family's supporting documents, and staff's decisions on
// them. Mounted by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { familyDocumentAccess, familyDocumentRoutes } from './family.tsx';
import { staffDocumentAccess, staffDocumentRoutes } from './staff.tsx';

export const documents: WebCapability = {
  name: 'documents',
  prefixes: ['/mon-compte/documents', '/agent/documents', '/agent/pieces'],
  access: { ...familyDocumentAccess, ...staffDocumentAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/', familyDocumentRoutes(deps));
    router.route('/agent', staffDocumentRoutes(deps));
    return router;
  },
};
