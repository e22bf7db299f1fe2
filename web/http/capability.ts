// A capability as the app mounts it (web/capabilities.ts lists them): the URL prefixes of its pages,
// who may call each of its routes, and one router. The README's table of prefixes is checked
// against these (web/capabilities.test.ts): a page's path tells its folder.
import { Hono } from 'hono';
import type { AccessTable } from './access.ts';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './env.ts';

export interface WebCapability {
  /** Its folder under web/, the same name as on the other floors. */
  name: string;
  /** The first segments of its pages' paths; `*` stands for one segment (an id). */
  prefixes: readonly string[];
  access: AccessTable;
  /** Its pages, behind the session and the page frame. `devTools`: the development pages may be mounted. */
  router(deps: AppDeps, mount: { devTools: boolean }): Hono<AppEnv>;
  /** Served before sessions and the page frame: static files, the health check. */
  bare?(deps: AppDeps): Hono<AppEnv>;
}

/** One of a capability's routers: where it is mounted, its routes, and who may call them. */
export interface Mounted {
  at: string;
  routes: (deps: AppDeps) => Hono<AppEnv> | Hono;
  access: AccessTable;
  /** Mounted only when this says so (the development pages). */
  when?: (deps: AppDeps, mount: { devTools: boolean }) => boolean;
}

function mountAll(routers: readonly Mounted[], deps: AppDeps, mount: { devTools: boolean }): Hono<AppEnv> {
  const router = new Hono<AppEnv>();
  for (const mounted of routers) if (!mounted.when || mounted.when(deps, mount)) router.route(mounted.at, mounted.routes(deps) as Hono<AppEnv>);
  return router;
}

/** A capability from its routers, in the order they are mounted; `bare`, those served before sessions. */
export function webCapability(name: string, prefixes: readonly string[], routers: readonly Mounted[], bare: readonly Mounted[] = []): WebCapability {
  return {
    name,
    prefixes,
    access: Object.assign({}, ...[...routers, ...bare].map((mounted) => mounted.access)) as AccessTable,
    router: (deps, mount) => mountAll(routers, deps, mount),
    ...(bare.length > 0 ? { bare: (deps: AppDeps) => mountAll(bare, deps, { devTools: false }) } : {}),
  };
}
