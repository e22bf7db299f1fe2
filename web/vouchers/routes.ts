// The vouchers capability's pages: vouchers: a family's, and those staff issue. Mounted by
// web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { voucherAccess, voucherRoutes } from './vouchers.tsx';

export const vouchers = webCapability('vouchers', ['/mon-compte/bons', '/agent/bons'], [
  { at: '/', routes: voucherRoutes, access: voucherAccess },
]);
