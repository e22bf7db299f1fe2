// Static files, read once at start-up from a fixed list (no path from the request ever reaches
// the file system). htmx comes from node_modules: no CDN.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AccessTable } from '../http/access.ts';

const require = createRequire(import.meta.url);
const own = (name: string) => fileURLToPath(new URL(`../static/${name}`, import.meta.url));

const files: Record<string, { path: string; type: string }> = {
  'app.css': { path: own('app.css'), type: 'text/css; charset=utf-8' },
  'logo.svg': { path: own('logo.svg'), type: 'image/svg+xml' },
  'auto-submit.js': { path: own('auto-submit.js'), type: 'text/javascript; charset=utf-8' },
  'htmx.min.js': { path: require.resolve('htmx.org/dist/htmx.min.js'), type: 'text/javascript; charset=utf-8' },
};

/** Who may call each route below (see web/http/access.ts). */
export const staticAccess = {
  'GET /static/:name': { who: 'anyone', object: 'static-file' },
} satisfies AccessTable;

export function staticRoutes(): Hono {
  // Each file's ETag is computed once, not at every request.
  const loaded = new Map(
    Object.entries(files).map(([name, file]) => {
      const body = readFileSync(file.path);
      return [name, { body: new Uint8Array(body), type: file.type, etag: `"${createHash('sha1').update(body).digest('base64url')}"` }];
    }),
  );
  const router = new Hono();
  router.get('/:name', (c) => {
    const file = loaded.get(c.req.param('name'));
    if (!file) return c.notFound();
    c.header('ETag', file.etag);
    c.header('Cache-Control', 'public, max-age=3600');
    if (c.req.header('If-None-Match')?.split(/\s*,\s*/).includes(file.etag)) return c.body(null, 304);
    c.header('Content-Type', file.type);
    return c.body(file.body);
  });
  return router;
}
