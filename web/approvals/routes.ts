// The approvals capability's pages: the staff's queue of accounts waiting for validation, and their
// decisions. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { validationAccess, validationRoutes } from './validations.tsx';

export const approvals = webCapability('approvals', ['/agent/validations'], [
  { at: '/agent', routes: validationRoutes, access: validationAccess },
]);
