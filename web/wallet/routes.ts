// The wallet capability's pages: « Mon porte-monnaie », its top-ups and their return page. Mounted
// by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { walletAccess, walletRoutes } from './wallet.tsx';

export const wallet = webCapability('wallet', ['/mon-compte/porte-monnaie', '/paiement/retour'], [
  { at: '/', routes: walletRoutes, access: walletAccess },
]);
