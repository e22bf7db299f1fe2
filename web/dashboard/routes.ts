// The dashboard capability's pages: the staff's home: the day's figures and what waits for them.
// Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { dashboardAccess, dashboardRoutes } from './dashboard.tsx';

export const dashboard = webCapability('dashboard', ['/agent'], [
  { at: '/agent', routes: dashboardRoutes, access: dashboardAccess },
]);
