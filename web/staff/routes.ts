// The staff capability's pages: staff accounts and the audit journal. Mounted by
// web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { auditAccess, auditRoutes } from './audit.tsx';
import { staffAccountAccess, staffAccountRoutes } from './accounts.tsx';

export const staff = webCapability('staff', ['/agent/agents', '/agent/journal'], [
  { at: '/agent', routes: staffAccountRoutes, access: staffAccountAccess },
  { at: '/agent', routes: auditRoutes, access: auditAccess },
]);
