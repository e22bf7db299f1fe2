// The closures capability's pages: exceptional closures and what they cancel and refund. Mounted by
// web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { closureAccess, closureRoutes } from './closures.tsx';

export const closures = webCapability('closures', ['/agent/fermetures'], [
  { at: '/agent', routes: closureRoutes, access: closureAccess },
]);
