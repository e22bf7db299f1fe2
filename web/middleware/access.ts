// Access enforced from its declaration: before the routers, each declared route gets the guard
// its rule names (signed in, parent, staff or admin); once they are mounted, a route without a
// declaration stops the app from being built. Ownership of the object a path names (the
// family's own, the staff's commune) is checked where the object is read, by its query.
import type { Hono, MiddlewareHandler } from 'hono';
import { routeKey, type Access } from '../http/access.ts';
import type { AppEnv } from '../http/env.ts';
import { requireAdmin, requireParent, requireStaff, requireUser } from './guards.ts';

const guards: Record<Access['who'], MiddlewareHandler<AppEnv> | null> = {
  anyone: null,
  'signed-in': requireUser,
  parent: requireParent,
  staff: requireStaff,
  admin: requireAdmin,
};

/** Registers the guard of every declared route; call before mounting the routers. */
export function enforceDeclaredAccess(app: Hono<AppEnv>, declared: Map<string, Access>): void {
  for (const [key, access] of declared) {
    const guard = guards[access.who];
    if (!guard) continue;
    const [method, path] = key.split(' ') as [string, string];
    app.on(method, path, guard);
  }
}

/** Throws, naming them, when the app has routes that no declaration covers. */
export function assertEveryRouteDeclared(app: Hono<AppEnv>, declared: Map<string, Access>): void {
  const missing = new Set(app.routes.filter((route) => route.method !== 'ALL').map((route) => routeKey(route.method, route.path)).filter((key) => !declared.has(key)));
  if (missing.size > 0) throw new Error(`Routes without a declared access (web/http/access.ts): ${[...missing].join(', ')}`);
}
