// The personal-data capability's pages: the RGPD pages: a family's data, its archive and its
// erasure. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { erasureAccess, erasureRoutes } from './erasures.tsx';
import { personalDataAccess, personalDataRoutes } from './personal-data.tsx';

export const personalData = webCapability('personal-data', ['/mon-compte/donnees', '/effacement-demande', '/agent/effacements'], [
  { at: '/', routes: personalDataRoutes, access: personalDataAccess },
  { at: '/agent', routes: erasureRoutes, access: erasureAccess },
]);
