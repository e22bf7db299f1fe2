// The child-file capability's pages: the family's child's file (fiche sanitaire, persons,
// authorisations) and the staff's view of a child's fiche sanitaire on the day of a reservation.
// Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { authorisationsAccess, authorisationsRoutes } from './authorisations.tsx';
import { contactsAccess, contactsRoutes } from './contacts.tsx';
import { filePageAccess, filePageRoutes } from './file-page.tsx';
import { healthAccess, healthRoutes } from './health.tsx';
import { paiDocumentAccess, paiDocumentRoutes } from './pai-document.ts';
import { childFileStaffAccess, childFileStaffRoutes } from './staff.tsx';

export const childFile = webCapability('child-file', ['/mon-compte/enfants', '/agent/enfants'], [
  { at: '/', routes: filePageRoutes, access: filePageAccess },
  { at: '/', routes: healthRoutes, access: healthAccess },
  { at: '/', routes: paiDocumentRoutes, access: paiDocumentAccess },
  { at: '/', routes: contactsRoutes, access: contactsAccess },
  { at: '/', routes: authorisationsRoutes, access: authorisationsAccess },
  { at: '/agent', routes: childFileStaffRoutes, access: childFileStaffAccess },
]);
