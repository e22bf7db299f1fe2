// The wallet capability's pages: « Mon porte-monnaie », its top-ups and their return page. Mounted
// by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { walletAccess, walletRoutes } from './wallet.tsx';

export const wallet: WebCapability = {
  name: 'wallet',
  prefixes: ['/mon-compte/porte-monnaie', '/paiement/retour'],
  access: { ...walletAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/', walletRoutes(deps));
    return router;
  },
};
