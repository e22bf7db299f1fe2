// The accounts capability's pages: signing in and out, signing up, passwords, « Mon compte » and
// the parent's own details. Mounted by web/capabilities.ts.
import { Hono } from 'hono';
import type { WebCapability } from '../http/capability.ts';
import type { AppEnv } from '../http/env.ts';
import { accountAccess, accountRoutes } from './account.tsx';
import { authAccess, authRoutes } from './auth.tsx';
import { passwordAccess, passwordRoutes } from './passwords.tsx';
import { personalInfoAccess, personalInfoRoutes } from './personal-info.tsx';

export const accounts: WebCapability = {
  name: 'accounts',
  prefixes: ['/connexion', '/deconnexion', '/inscription', '/recuperation-mot-de-passe', '/mot-de-passe', '/mon-compte', '/mon-compte/mot-de-passe', '/mon-compte/informations'],
  access: { ...authAccess, ...passwordAccess, ...accountAccess, ...personalInfoAccess },
  router: (deps) => {
    const router = new Hono<AppEnv>();
    router.route('/', authRoutes(deps));
    router.route('/', passwordRoutes(deps));
    router.route('/', accountRoutes(deps));
    router.route('/', personalInfoRoutes(deps));
    return router;
  },
};
