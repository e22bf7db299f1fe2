// The vouchers capability's pages: vouchers: a family's, and those staff issue. Mounted by
// web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { voucherAccess, voucherRoutes } from './vouchers.tsx';

export const vouchers: WebCapability = {
  name: 'vouchers',
  prefixes: ['/mon-compte/bons', '/agent/bons'],
  access: { ...voucherAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/', voucherRoutes(deps));
    return router;
  },
};
