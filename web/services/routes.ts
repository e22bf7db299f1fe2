// The services capability's pages: the communes' service offers and the families' subscriptions to
// them. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { serviceAccess, serviceRoutes } from './family.tsx';
import { serviceOfferAccess, serviceOfferRoutes } from './offers.tsx';
import { serviceRequestAccess, serviceRequestRoutes } from './staff.tsx';

export const services = webCapability('services', ['/mon-compte/services', '/agent/services'], [
  { at: '/', routes: serviceRoutes, access: serviceAccess },
  { at: '/agent', routes: serviceOfferRoutes, access: serviceOfferAccess },
  { at: '/agent', routes: serviceRequestRoutes, access: serviceRequestAccess },
]);
