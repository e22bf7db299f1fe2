// The app's route table joined with the access each route module declares next to its routes.
// Throws, naming them, when a route has no declaration or a declaration no longer has a route.
import type { Hono } from 'hono';
import { routeKey, type Access, type AccessTable } from '../../web/access.ts';
import type { AppEnv } from '../../web/env.ts';
import { accountAccess } from '../../web/routes/account.tsx';
import { familySearchAccess } from '../../web/routes/agent/families.tsx';
import { serviceRequestAccess } from '../../web/routes/agent/services.tsx';
import { validationAccess } from '../../web/routes/agent/validations.tsx';
import { authAccess } from '../../web/routes/auth.tsx';
import { bookingAccess } from '../../web/routes/booking.tsx';
import { catalogueAccess } from '../../web/routes/catalogue.tsx';
import { checkoutAccess } from '../../web/routes/checkout.tsx';
import { devMailAccess } from '../../web/routes/dev-mails.tsx';
import { familyAccess } from '../../web/routes/family.tsx';
import { healthAccess } from '../../web/routes/health.ts';
import { historyAccess } from '../../web/routes/history.tsx';
import { homeAccess } from '../../web/routes/home.tsx';
import { passwordAccess } from '../../web/routes/passwords.tsx';
import { paymentNotificationAccess } from '../../web/routes/payment-notification.ts';
import { personalInfoAccess } from '../../web/routes/personal-info.tsx';
import { sandboxAccess } from '../../web/routes/sandbox.tsx';
import { serviceAccess } from '../../web/routes/services.tsx';
import { staticAccess } from '../../web/routes/static.ts';
import { voucherAccess } from '../../web/routes/vouchers.tsx';
import { walletAccess } from '../../web/routes/wallet.tsx';

const declarations: AccessTable[] = [
  accountAccess, familySearchAccess, serviceRequestAccess, validationAccess, authAccess, bookingAccess, catalogueAccess, checkoutAccess,
  devMailAccess, familyAccess, healthAccess, historyAccess, homeAccess, passwordAccess, paymentNotificationAccess, personalInfoAccess,
  sandboxAccess, serviceAccess, staticAccess, voucherAccess, walletAccess,
];

export interface DeclaredRoute {
  key: string;
  method: 'GET' | 'POST';
  /** The path with its parameter, without the parameter's pattern: "/commande/:number/adresse". */
  path: string;
  access: Access;
}

export function declaredRoutes(app: Hono<AppEnv>): DeclaredRoute[] {
  const declared = new Map<string, Access>();
  for (const table of declarations) {
    for (const [key, access] of Object.entries(table)) {
      if (declared.has(key)) throw new Error(`${key} is declared twice`);
      declared.set(key, access);
    }
  }
  const routes = new Map<string, DeclaredRoute>();
  const undeclared: string[] = [];
  for (const route of app.routes) {
    if (route.method === 'ALL') continue; // middleware
    const key = routeKey(route.method, route.path);
    const access = declared.get(key);
    if (!access) undeclared.push(key);
    else routes.set(key, { key, method: route.method as 'GET' | 'POST', path: key.slice(key.indexOf(' ') + 1), access });
  }
  const stale = [...declared.keys()].filter((key) => !routes.has(key));
  if (undeclared.length > 0 || stale.length > 0) {
    throw new Error(`Routes without a declared access: ${undeclared.join(', ') || 'none'}; declarations without a route: ${stale.join(', ') || 'none'}`);
  }
  return [...routes.values()];
}

/** The route's path with its parameter replaced by a value. */
export function concretePath(route: DeclaredRoute, value: string | number | undefined): string {
  if (!route.path.includes(':')) return route.path;
  if (value === undefined) throw new Error(`no value for the parameter of ${route.key}`);
  return route.path.replace(/:[a-z]+/, String(value));
}
