import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import type { Access } from '../http/access.ts';
import type { AppEnv } from '../http/env.ts';
import { assertEveryRouteDeclared, enforceDeclaredAccess } from './access.ts';

/** An app whose session middleware signs in whoever the test names. */
function appWith(declared: Map<string, Access>, role: 'parent' | 'staff' | null) {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    if (role) c.set('user', { id: 1, role } as never);
    await next();
  });
  enforceDeclaredAccess(app, declared);
  // A router with no guard of its own, mounted as the areas are.
  const router = new Hono<AppEnv>();
  router.get('/mon-compte/filiations/:id{[0-9]+}', (c) => c.text('filiation'));
  router.get('/agent/familles', (c) => c.text('familles'));
  router.get('/produits/:id{[0-9]+}', (c) => c.text('produit'));
  app.route('/', router);
  app.onError((error, c) => c.text('refused', error instanceof HTTPException ? error.status : 500));
  return app;
}

const declared = new Map<string, Access>([
  ['GET /mon-compte/filiations/:id', { who: 'parent', object: 'dependant' }],
  ['GET /agent/familles', { who: 'staff' }],
  ['GET /produits/:id', { who: 'anyone', object: 'product' }],
]);

describe('access enforced from its declaration', () => {
  it('applies the declared rule to a route whose router has no guard', async () => {
    const anonymous = await appWith(declared, null).request('/mon-compte/filiations/12');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/connexion?retour=%2Fmon-compte%2Ffiliations%2F12');
    expect((await appWith(declared, 'staff').request('/mon-compte/filiations/12')).status).toBe(403);
    expect(await (await appWith(declared, 'parent').request('/mon-compte/filiations/12')).text()).toBe('filiation');
    expect((await appWith(declared, 'parent').request('/agent/familles')).status).toBe(403);
    expect((await appWith(declared, 'staff').request('/agent/familles')).status).toBe(200);
    expect((await appWith(declared, null).request('/produits/3')).status).toBe(200);
  });

  it('refuses to build an app with a route nobody declared', () => {
    const partial = new Map([...declared].filter(([key]) => key !== 'GET /agent/familles'));
    expect(() => assertEveryRouteDeclared(appWith(partial, null), partial)).toThrow('Routes without a declared access (web/http/access.ts): GET /agent/familles');
    expect(() => assertEveryRouteDeclared(appWith(declared, null), declared)).not.toThrow();
  });
});
