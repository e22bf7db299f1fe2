// Security basics: the session cookie's flags, a new session ID at every login, forms from
// another site refused on every POST route, a Content-Security-Policy on every HTML page,
// uploads kept under random names, never executable nor public, and passwords never logged.
import { readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFolderStore } from '../../lib/documents/store.ts';
import { login, PASSWORD, sessionCookie } from '../helpers/accounts.ts';
import { createTestApp, postForm, TEST_ORIGIN } from '../helpers/app.ts';
import { testLogFile } from '../helpers/logs.ts';
import { declaredRoutes } from './route-table.ts';
import { changedTables, snapshot } from './snapshot.ts';
import { allowedVisitor, useWorld } from './world.ts';

const folder = path.join(tmpdir(), `citoyens-security-${process.pid}`);
const reliability = useWorld({ documents: createFolderStore(folder) });
const { app, database, temporal, now, pathOf, headersOf } = reliability;
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, for the whole site, and Secure when the site is https', async () => {
    const plain = await postForm(app(), '/connexion', { email: 'famille-a@example.fr', password: PASSWORD });
    const cookie = plain.headers.getSetCookie().find((c) => c.startsWith('session='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/);

    const https = createTestApp({ db: database.db, temporal: temporal.client, now, publicUrl: 'https://citoyens.example' });
    const secure = await https.request('/connexion', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://citoyens.example' },
      body: new URLSearchParams({ email: 'famille-a@example.fr', password: PASSWORD }).toString(),
    });
    expect(secure.status).toBe(303);
    expect(secure.headers.getSetCookie().find((c) => c.startsWith('session='))).toMatch(/; Secure/);
    expect(secure.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('changes at login (a planted ID never becomes a session), and dies at logout', async () => {
    const planted = 'session=abcdefghijklmnopqrstuvwxyz234567';
    const first = await postForm(app(), '/connexion', { email: 'famille-a@example.fr', password: PASSWORD }, { Cookie: planted });
    const cookie = sessionCookie(first)!;
    expect(cookie).not.toBe(planted);
    expect((await app().request('/mon-compte', { headers: { Cookie: planted } })).status).toBe(303);

    const again = sessionCookie(await postForm(app(), '/connexion', { email: 'famille-a@example.fr', password: PASSWORD }, { Cookie: cookie }))!;
    expect(again).not.toBe(cookie);
    expect((await app().request('/mon-compte', { headers: { Cookie: cookie } })).headers.get('location')).toMatch(/^\/connexion/);
    expect((await app().request('/mon-compte', { headers: { Cookie: again } })).status).toBe(200);

    await postForm(app(), '/deconnexion', {}, { Cookie: again });
    expect((await app().request('/mon-compte', { headers: { Cookie: again } })).headers.get('location')).toMatch(/^\/connexion/);
  });
});

describe('forms from another site', () => {
  it('are refused on every POST route, and change nothing', async () => {
    const before = await snapshot(database.db);
    const wrong: string[] = [];
    for (const route of declaredRoutes(app()).filter((r) => r.method === 'POST')) {
      for (const origin of ['https://pirate.example', 'null']) {
        const response = await app().request(pathOf(route), {
          method: 'POST',
          headers: { ...headersOf(allowedVisitor(route.access)), Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'x=1',
        });
        if (response.status !== 403) wrong.push(`${route.key} from ${origin}: ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(changedTables(before, await snapshot(database.db))).toEqual([]);
  });
});

describe('Content-Security-Policy', () => {
  it('is on every HTML page, error pages included, and lets no inline script run', async () => {
    const wrong: string[] = [];
    let pages = 0;
    const paths = declaredRoutes(app())
      .filter((r) => r.method === 'GET')
      .map((r) => [pathOf(r), allowedVisitor(r.access)] as const);
    for (const [url, visitor] of [...paths, ['/page-qui-n-existe-pas', 'anonymous'] as const, ['/agent/validations', 'parentA'] as const]) {
      const response = await app().request(url, { headers: headersOf(visitor) });
      if (!(response.headers.get('content-type') ?? '').includes('text/html')) continue;
      pages += 1;
      const csp = response.headers.get('content-security-policy') ?? '';
      if (!/default-src 'self'/.test(csp) || !/script-src 'self'(;|$)/.test(csp) || !/frame-ancestors 'none'/.test(csp)) wrong.push(`${url} (${response.status}): "${csp}"`);
      if (/<script>|\son[a-z]+="/.test(await response.text())) wrong.push(`${url}: inline script in the page`);
    }
    expect(pages).toBeGreaterThan(35);
    expect(wrong).toEqual([]);
  });
});

describe('uploads', () => {
  it('are stored under a random name, not executable, served only to their owner, never sniffed', async () => {
    const document = await database.db.selectFrom('documents').selectAll().where('id', '=', Number(reliability.world.objects.document)).executeTakeFirstOrThrow();
    expect(document.storage_key).toMatch(/[0-9a-f]{64}/);
    expect(document.storage_key).not.toContain(String(document.id));
    expect(document.storage_key).not.toContain('facture');
    const stored = await stat(path.join(folder, document.storage_key.slice(0, 2), document.storage_key));
    expect(stored.mode & 0o111).toBe(0);
    expect(stored.mode & 0o077).toBe(0);

    expect((await app().request(`/static/${document.storage_key}`)).status).toBe(404);
    expect((await app().request(`/static/${path.basename(document.storage_key)}`)).status).toBe(404);
    const served = await app().request(`/mon-compte/documents/${document.id}`, { headers: headersOf('parentA') });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect((await app().request(`/mon-compte/documents/${document.id}`, { headers: headersOf('parentB') })).status).toBe(404);
  });

  it('refuses HTML disguised as an image', async () => {
    const form = new FormData();
    form.set('kind', 'autre');
    form.set('file', new File(['<html><script>alert(1)</script></html>'], 'photo.png', { type: 'image/png' }));
    const before = await snapshot(database.db);
    const response = await app().request('/mon-compte/documents', { method: 'POST', body: form, headers: { ...headersOf('parentA'), Origin: TEST_ORIGIN } });
    expect(response.status).toBe(400);
    expect(changedTables(before, await snapshot(database.db))).toEqual([]);
  });
});

describe('passwords', () => {
  it('never reach the logs: not at login, sign-up, change or a failed attempt', async () => {
    const secret = 'Jamais-Dans-Les-Logs-2026';
    await postForm(app(), '/connexion', { email: 'famille-a@example.fr', password: secret });
    await postForm(app(), '/mon-compte/mot-de-passe', { current_password: secret, password: secret, password_confirmation: secret }, headersOf('parentB'));
    await postForm(app(), '/mot-de-passe/regles', { password: secret });
    await login(app(), 'famille-b@example.fr');
    const log = await readFile(testLogFile(), 'utf8');
    expect(log).toContain('"path":"/connexion"');
    expect(log).not.toContain(secret);
    expect(log).not.toContain(PASSWORD);
  });
});
