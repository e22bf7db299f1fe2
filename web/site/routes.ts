// The site capability's pages: the home page, static files and the health check. Mounted by
// web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { healthAccess, healthRoutes } from './health.ts';
import { homeAccess, homeRoutes } from './home.tsx';
import { staticAccess, staticRoutes } from './static.ts';

export const site = webCapability('site', ['/', '/static', '/health'], [
  { at: '/', routes: () => homeRoutes(), access: homeAccess },
], [
  { at: '/static', routes: () => staticRoutes(), access: staticAccess },
  { at: '/health', routes: healthRoutes, access: healthAccess },
]);
