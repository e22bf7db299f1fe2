// The child-file capability's pages, family side: the child's file, its fiche sanitaire, its
// persons and its authorisations. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { authorisationsAccess, authorisationsRoutes } from './authorisations.tsx';
import { contactsAccess, contactsRoutes } from './contacts.tsx';
import { filePageAccess, filePageRoutes } from './file-page.tsx';
import { healthAccess, healthRoutes } from './health.tsx';

export const childFile = webCapability('child-file', ['/mon-compte/enfants'], [
  { at: '/', routes: filePageRoutes, access: filePageAccess },
  { at: '/', routes: healthRoutes, access: healthAccess },
  { at: '/', routes: contactsRoutes, access: contactsAccess },
  { at: '/', routes: authorisationsRoutes, access: authorisationsAccess },
]);
