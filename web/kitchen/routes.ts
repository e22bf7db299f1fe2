// The kitchen capability's pages: the kitchen's meal counts. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { kitchenAccess, kitchenRoutes } from './kitchen.tsx';

export const kitchen = webCapability('kitchen', ['/agent/cuisine'], [
  { at: '/agent', routes: kitchenRoutes, access: kitchenAccess },
]);
