// The catalogue capability's pages: what the communes offer, by commune and category, and the
// staff's catalogue. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { catalogueAccess, catalogueRoutes } from './public.tsx';
import { catalogueAdminAccess, catalogueAdminRoutes } from './staff.tsx';
import { catalogueEditAccess, catalogueEditRoutes } from './staff-edit.tsx';

export const catalogue = webCapability('catalogue', ['/communes', '/categories', '/agent/catalogue'], [
  { at: '/', routes: catalogueRoutes, access: catalogueAccess },
  { at: '/agent', routes: catalogueAdminRoutes, access: catalogueAdminAccess },
  { at: '/agent', routes: catalogueEditRoutes, access: catalogueEditAccess },
]);
