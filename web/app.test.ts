// The app's frame: pages, error pages, security headers, CSRF and the development mailbox.
import { Client, Connection } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { createDb } from '../db/connection.ts';
import { createParent, login } from '../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../test/helpers/app.ts';
import { useTestDatabase } from '../test/helpers/database.ts';
import { useTemporal } from '../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();

const app = () => createTestApp({ db: database.db, temporal: temporal.client });

describe('home page', () => {
  it('tells a parent waiting for validation to wait, and a validated one where to book', async () => {
    await createParent(database.db, 'accueil-attente@example.fr');
    await createParent(database.db, 'accueil-valide@example.fr', { status: 'validated' });
    const home = async (email: string) => (await app().request('/', { headers: { Cookie: await login(app(), email) } })).text();
    const waiting = await home('accueil-attente@example.fr');
    expect(waiting).toContain('Votre compte est en cours de validation par la mairie');
    const validated = await home('accueil-valide@example.fr');
    expect(validated).toContain('Votre compte est validé : choisissez un service dans le menu');
    expect(validated).not.toContain('Une fois la notification de validation');
  });

  it('renders the reference header, banner and tiles in French', async () => {
    const response = await app().request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="fr">/);
    for (const text of [
      'Cantines', 'Garderies', 'Ramassage scolaire', 'Centres de Loisirs', 'Vélo en Velay', 'Pass&#39;Card', 'Sports', 'Démarches en ligne',
      'Recharger vos crédits', 'Connexion', 'Panier : (vide)',
      'Bienvenue sur la plateforme citoyen de la Communauté d&#39;Agglomération du Puy-en-Velay',
      'MON COMPTE USAGER', 'MES SERVICES ASSOCIÉS', 'MES RÉSERVATIONS',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('<script src="/static/htmx.min.js" defer');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle="/);
  });

  it('carries security headers and a CSP without inline scripts', async () => {
    const response = await app().request('/');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
  });
});

describe('static files', () => {
  it('serves htmx from node_modules and our stylesheet, with caching validators', async () => {
    const htmx = await app().request('/static/htmx.min.js');
    expect(htmx.status).toBe(200);
    expect(htmx.headers.get('content-type')).toContain('javascript');
    expect(await htmx.text()).toContain('htmx');
    const css = await app().request('/static/app.css');
    expect(css.status).toBe(200);
    const etag = css.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await app().request('/static/app.css', { headers: { 'If-None-Match': etag! } })).status).toBe(304);
    // The body is served whole every time, not only the first.
    const first = await (await app().request('/static/htmx.min.js')).arrayBuffer();
    expect((await (await app().request('/static/htmx.min.js')).arrayBuffer()).byteLength).toBe(first.byteLength);
  });

  it('serves nothing outside its list', async () => {
    for (const path of ['/static/../package.json', '/static/%2e%2e%2fpackage.json', '/static/nope.js']) {
      expect((await app().request(path)).status).toBe(404);
    }
  });
});

describe('error pages', () => {
  it('answers an unknown page with a French 404 in the layout', async () => {
    const response = await app().request('/nulle-part');
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('<h1>Page introuvable</h1>');
    expect(html).toContain('Panier : (vide)');
  });

  it('answers a failure with a French 500 that gives a reference and hides the error', async () => {
    const failing = app();
    failing.get('/boom', () => {
      throw new Error('secret internal detail');
    });
    const response = await failing.request('/boom');
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(html).toContain('Une erreur est survenue');
    expect(html).toMatch(/Référence : <code>[0-9a-f-]{36}<\/code>/);
    expect(html).not.toContain('secret internal detail');
  });
});

describe('CSRF protection', () => {
  it('refuses a form posted from another site or without an origin', async () => {
    const target = app();
    target.post('/essai', (c) => c.text('accepté'));
    const foreign = await postForm(target, '/essai', { a: '1' }, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain('Accès refusé');
    const missing = await target.request('/essai', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(missing.status).toBe(403);
    const own = await postForm(target, '/essai', { a: '1' });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-security-policy')).toBeTruthy();
  });
});

describe('oversized and malformed input', () => {
  it('refuses a form body over 256 KB with 413, and survives invalid UTF-8', async () => {
    const big = await postForm(app(), '/connexion', { email: 'a@b.fr', password: 'x'.repeat(300 * 1024) });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('trop volumineux');
    const broken = await app().request('/connexion', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost:3000' },
      body: 'email=%FF%FE%00&password=%C3%28',
    });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain('L&#39;adresse e-mail n&#39;est pas valide');
  });
});

describe('development mailbox', () => {
  it('lists the outbox and shows one mail, outside production only', async () => {
    const { id } = await database.db
      .insertInto('outbox_mails')
      .values({ idempotency_key: 'k1', recipient: 'claire@example.fr', subject: 'Votre lien <de> connexion', text_body: 'Bonjour,\nvoici le lien', html_body: '<p>Bonjour</p>' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const list = await (await app().request('/dev/mails')).text();
    expect(list).toContain('claire@example.fr');
    expect(list).toContain('Votre lien &lt;de&gt; connexion');
    const one = await app().request(`/dev/mails/${id}`);
    expect(one.status).toBe(200);
    const html = await one.text();
    expect(html).toContain('voici le lien');
    expect(html).toContain('&lt;p&gt;Bonjour&lt;/p&gt;');
    expect((await app().request('/dev/mails/999999')).status).toBe(404);

    const production = createTestApp({ db: database.db, temporal: temporal.client, nodeEnv: 'production' });
    expect((await production.request('/dev/mails')).status).toBe(404);
    expect((await production.request(`/dev/mails/${id}`)).status).toBe(404);
  });

  it('exists, with the payment sandbox, only when the development tools are asked for, and only for this machine', async () => {
    const sandboxForm = { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost:3000' }, body: '' };
    const withoutTools = createTestApp({ db: database.db, temporal: temporal.client, nodeEnv: 'development', devTools: false });
    expect((await withoutTools.request('/dev/mails')).status).toBe(404);
    expect((await withoutTools.request('/sandbox/paybox/payer', sandboxForm)).status).toBe(404);
    // A proxy on the same machine makes every visitor look local: a relayed request is refused.
    expect((await app().request('/dev/mails', { headers: { 'X-Forwarded-For': '203.0.113.9' } })).status).toBe(404);
    expect((await app().request('/dev/mails', { headers: { Forwarded: 'for=203.0.113.9' } })).status).toBe(404);
    expect((await app().request('/sandbox/paybox/payer', { ...sandboxForm, headers: { ...sandboxForm.headers, 'X-Forwarded-For': '203.0.113.9' } })).status).toBe(404);
    expect((await app().request('/dev/mails')).status).toBe(200);
  });
});

describe('/health', () => {
  it('is 200 when the database and Temporal answer', async () => {
    const response = await app().request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', temporal: 'ok' });
  });

  it('is 503 and names Temporal when Temporal does not answer', async () => {
    const connection = Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 });
    const down = createTestApp({ db: database.db, temporal: new Client({ connection }) });
    const response = await down.request('/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'degraded', database: 'ok', temporal: 'down' });
  });

  it('is 503 and names the database when PostgreSQL does not answer', async () => {
    const deadDb = createDb('postgres://nobody:x@127.0.0.1:1/none', { poolSize: 1 });
    const response = await createTestApp({ db: deadDb, temporal: temporal.client }).request('/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'degraded', database: 'down', temporal: 'ok' });
    await deadDb.destroy();
  });
});
