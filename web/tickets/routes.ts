// The tickets capability's pages: the families' e-tickets and the staff's attendance registers.
// Mounted by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { attendanceAccess, attendanceRoutes } from './attendance.tsx';
import { eTicketAccess, eTicketRoutes } from './e-tickets.tsx';

export const tickets: WebCapability = {
  name: 'tickets',
  prefixes: ['/mon-compte/e-billets', '/agent/presences'],
  access: { ...eTicketAccess, ...attendanceAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/', eTicketRoutes(deps));
    router.route('/agent', attendanceRoutes(deps));
    return router;
  },
};
