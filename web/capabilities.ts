// The web floor's list of capabilities, in the order the app mounts them. Each is one folder of
// web/ with its routes.ts (prefixes, access, router); adding a capability is one line here.
import { absences } from './absences/routes.ts';
import { accounts } from './accounts/routes.ts';
import { approvals } from './approvals/routes.ts';
import { booking } from './booking/routes.ts';
import { catalogue } from './catalogue/routes.ts';
import { childFile } from './child-file/routes.ts';
import { closures } from './closures/routes.ts';
import { dashboard } from './dashboard/routes.ts';
import { documents } from './documents/routes.ts';
import { family } from './family/routes.ts';
import { guardians } from './guardians/routes.ts';
import type { WebCapability } from './http/capability.ts';
import type { Access } from './http/access.ts';
import { kitchen } from './kitchen/routes.ts';
import { mail } from './mail/routes.ts';
import { orders } from './orders/routes.ts';
import { payments } from './payments/routes.ts';
import { regies } from './regies/routes.ts';
import { registration } from './registration/routes.ts';
import { personalData } from './personal-data/routes.ts';
import { requests } from './requests/routes.ts';
import { services } from './services/routes.ts';
import { site } from './site/routes.ts';
import { staff } from './staff/routes.ts';
import { tickets } from './tickets/routes.ts';
import { vouchers } from './vouchers/routes.ts';
import { waitlist } from './waitlist/routes.ts';
import { wallet } from './wallet/routes.ts';

export const capabilities: readonly WebCapability[] = [
  site, accounts, documents, family, childFile, guardians, services, catalogue, requests, tickets, booking, personalData, wallet, payments, orders,
  absences, waitlist, vouchers, approvals, kitchen, closures, regies, registration, dashboard, staff, mail,
];

/** Every declared route ("METHOD /path/:param") with its access; a route declared twice throws. */
export function declaredAccess(): Map<string, Access> {
  const declared = new Map<string, Access>();
  for (const capability of capabilities) {
    for (const [key, access] of Object.entries(capability.access)) {
      if (declared.has(key)) throw new Error(`${key} is declared twice`);
      declared.set(key, access);
    }
  }
  return declared;
}
