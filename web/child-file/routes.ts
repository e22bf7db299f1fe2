// The child-file capability's pages: the staff's view of a child's fiche sanitaire on the day of a
// reservation. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { childFileStaffAccess, childFileStaffRoutes } from './staff.tsx';

export const childFile = webCapability('child-file', ['/agent/enfants'], [{ at: '/agent', routes: childFileStaffRoutes, access: childFileStaffAccess }]);
