// The app's route table joined with the access each route module declares next to its routes
// (the same declarations the app enforces). Throws, naming them, when a route has no declaration
// or a declaration no longer has a route.
import type { Hono } from 'hono';
import { routeKey, type Access } from '../../web/http/access.ts';
import type { AppEnv } from '../../web/http/env.ts';
import { declaredAccess } from '../../web/capabilities.ts';

export interface DeclaredRoute {
  key: string;
  method: 'GET' | 'POST';
  /** The path with its parameter, without the parameter's pattern: "/commande/:number/adresse". */
  path: string;
  access: Access;
}

export function declaredRoutes(app: Hono<AppEnv>): DeclaredRoute[] {
  const declared = declaredAccess();
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
