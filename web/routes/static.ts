// Static files, read once at start-up from a fixed list (no path from the request ever reaches
// the file system). htmx comes from node_modules: no CDN.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import type { AccessTable } from '../access.ts';

const require = createRequire(import.meta.url);
const own = (name: string) => fileURLToPath(new URL(`../static/${name}`, import.meta.url));

const files: Record<string, { path: string; type: string }> = {
  'app.css': { path: own('app.css'), type: 'text/css; charset=utf-8' },
  'logo.svg': { path: own('logo.svg'), type: 'image/svg+xml' },
  'auto-submit.js': { path: own('auto-submit.js'), type: 'text/javascript; charset=utf-8' },
  'htmx.min.js': { path: require.resolve('htmx.org/dist/htmx.min.js'), type: 'text/javascript; charset=utf-8' },
};

/** Who may call each route below (see web/access.ts). */
export const staticAccess = {
  'GET /static/:name': { who: 'anyone', object: 'static-file' },
} satisfies AccessTable;

export function staticRoutes(): Hono {
  const loaded = new Map(Object.entries(files).map(([name, file]) => [name, { body: readFileSync(file.path), type: file.type }]));
  const router = new Hono();
  router.use('*', etag());
  router.get('/:name', (c) => {
    const file = loaded.get(c.req.param('name'));
    if (!file) return c.notFound();
    c.header('Content-Type', file.type);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(new Uint8Array(file.body));
  });
  return router;
}
