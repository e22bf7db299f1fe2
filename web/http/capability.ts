// A capability as the app mounts it (web/capabilities.ts lists them): the URL prefixes of its pages,
// who may call each of its routes, and one router. The README's table of prefixes is checked
// against these (web/capabilities.test.ts): a page's path tells its folder.
import type { Hono } from 'hono';
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
