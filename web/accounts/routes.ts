// The accounts capability's pages: signing in and out, signing up, passwords, « Mon compte » and
// the parent's own details. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { accountAccess, accountRoutes } from './account.tsx';
import { authAccess, authRoutes } from './auth.tsx';
import { passwordAccess, passwordRoutes } from './passwords.tsx';
import { personalInfoAccess, personalInfoRoutes } from './personal-info.tsx';

export const accounts = webCapability('accounts', ['/connexion', '/deconnexion', '/inscription', '/recuperation-mot-de-passe', '/mot-de-passe', '/mon-compte', '/mon-compte/mot-de-passe', '/mon-compte/informations'], [
  { at: '/', routes: authRoutes, access: authAccess },
  { at: '/', routes: passwordRoutes, access: passwordAccess },
  { at: '/', routes: accountRoutes, access: accountAccess },
  { at: '/', routes: personalInfoRoutes, access: personalInfoAccess },
]);
