// The tickets capability's pages: the families' e-tickets and the staff's attendance registers.
// Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { attendanceAccess, attendanceRoutes } from './attendance.tsx';
import { eTicketAccess, eTicketRoutes } from './e-tickets.tsx';

export const tickets = webCapability('tickets', ['/mon-compte/e-billets', '/agent/presences'], [
  { at: '/', routes: eTicketRoutes, access: eTicketAccess },
  { at: '/agent', routes: attendanceRoutes, access: attendanceAccess },
]);
