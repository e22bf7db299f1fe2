// A page's path tells its folder: the README's table of URL prefixes is the capabilities' own
// (web/<capability>/routes.ts), and every route of the app is served by the router of the
// capability whose prefix is the longest that matches its path.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSandboxKeys, sandboxProvider } from '../lib/payments/provider.ts';
import { testDocumentStore } from '../test/helpers/documents.ts';
import { createTestApp, TEST_ORIGIN } from '../test/helpers/app.ts';
import { testNow } from '../test/helpers/clock.ts';
import { useTestDatabase } from '../test/helpers/database.ts';
import { createTestLogger } from '../test/helpers/logs.ts';
import { useTemporal } from '../test/helpers/temporal.ts';
import { capabilities } from './capabilities.ts';
import type { AppDeps } from './http/deps.ts';
import { createWorkflowClient } from './workflows.ts';

const database = useTestDatabase();
const temporal = useTemporal();

/** The README's rows « | `/prefix` | `web/folder/` | ». */
function readmeTable(): Array<[string, string]> {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  return [...readme.matchAll(/^\| `(\/[^`]*)` \| `web\/([a-z-]+)\/` \|$/gm)].map((row) => [row[1]!, row[2]!]);
}

const segments = (path: string) => path.split('/').filter(Boolean);

/** The capability whose prefix is the longest matching the route's path (`*` matches one segment). */
function ownerOf(path: string): string | undefined {
  const route = segments(path);
  let best: { name: string; length: number } | undefined;
  for (const capability of capabilities) {
    for (const prefix of capability.prefixes) {
      const wanted = segments(prefix);
      const matches = wanted.length <= route.length && wanted.every((segment, i) => segment === '*' ? true : segment === route[i]);
      if (matches && (!best || wanted.length > best.length)) best = { name: capability.name, length: wanted.length };
    }
  }
  return best?.name;
}

/** A route without the patterns of its parameters: "GET /familles/:id{[0-9]+}" is "GET /familles/:id". */
const withoutPatterns = (route: string) => route.replace(/\{(?:[^{}]|\{[^}]*\})*\}/g, '');

/** The routes a router serves ("METHOD /path"), its middleware left out. */
const served = (router: { routes: Array<{ method: string; path: string }> }) =>
  router.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`);

describe('capabilities', () => {
  it('are the README\'s table of URL prefixes, each a folder with its routes', () => {
    const declared = capabilities.flatMap((capability) => capability.prefixes.map((prefix) => [prefix, capability.name] as [string, string]));
    expect(readmeTable().sort()).toEqual(declared.sort());
    const prefixes = declared.map(([prefix]) => prefix);
    expect(new Set(prefixes).size, 'a prefix names one folder').toBe(prefixes.length);
    for (const capability of capabilities) expect(() => readFileSync(new URL(`./${capability.name}/routes.ts`, import.meta.url)), capability.name).not.toThrow();
  });

  it('serve each route of the app from the folder its path names', () => {
    const sandbox = createSandboxKeys(TEST_ORIGIN);
    const logger = createTestLogger('web');
    const deps: AppDeps = {
      config: { NODE_ENV: 'test', DEV_TOOLS: true, TEMPORAL_UI_ORIGIN: 'http://localhost:8233', PUBLIC_URL: TEST_ORIGIN, TEMPORAL_TASK_QUEUE: 'unused', TRUSTED_PROXIES: 1, HOLD_MINUTES: 30 },
      db: database.db,
      logger,
      documents: testDocumentStore(),
      now: testNow,
      payments: sandboxProvider(sandbox),
      sandbox,
      workflows: createWorkflowClient(temporal.client, 'unused', logger, database.db),
    };
    const byCapability: string[] = [];
    const misplaced: string[] = [];
    for (const capability of capabilities) {
      const routes = [...served(capability.router(deps, { devTools: true })), ...(capability.bare ? served(capability.bare(deps)) : [])];
      expect(routes.length, `${capability.name} serves pages`).toBeGreaterThan(0);
      const declared = Object.keys(capability.access).map(withoutPatterns);
      for (const route of routes) {
        const owner = ownerOf(route.slice(route.indexOf(' ') + 1));
        if (owner !== capability.name) misplaced.push(`${route}: served by web/${capability.name}/, its prefix names web/${owner}/`);
        // Its declaration is its own capability's too.
        if (!declared.includes(withoutPatterns(route))) misplaced.push(`${route}: served by web/${capability.name}/, declared elsewhere`);
      }
      byCapability.push(...routes);
    }
    expect(misplaced).toEqual([]);
    // The app serves exactly these routes (its access guards stand on the same paths): none
    // mounted outside a capability.
    const app = createTestApp({ db: database.db, temporal: temporal.client, devTools: true });
    const paths = (routes: string[]) => [...new Set(routes.map(withoutPatterns))].sort();
    expect(paths(served(app))).toEqual(paths(byCapability));
  });
});
