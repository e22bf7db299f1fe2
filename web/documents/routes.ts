// The documents capability's pages: a family's supporting documents, and staff's decisions on
// them. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { familyDocumentAccess, familyDocumentRoutes } from './family.tsx';
import { staffDocumentAccess, staffDocumentRoutes } from './staff.tsx';

export const documents = webCapability('documents', ['/mon-compte/documents', '/agent/documents', '/agent/pieces'], [
  { at: '/', routes: familyDocumentRoutes, access: familyDocumentAccess },
  { at: '/agent', routes: staffDocumentRoutes, access: staffDocumentAccess },
]);
