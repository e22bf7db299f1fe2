// The mail capability's pages: the development mailbox. Mounted by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { devMailAccess, devMailRoutes } from './dev-mails.tsx';

export const mail: WebCapability = {
  name: 'mail',
  prefixes: ['/dev/mails'],
  access: { ...devMailAccess },
  router: (deps, { devTools }) => {
    const router = new Hono<AppEnv>();
    if (devTools) router.route('/dev/mails', devMailRoutes(deps));
    return router;
  },
};
