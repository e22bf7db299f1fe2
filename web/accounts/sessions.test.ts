// Sessions through the Hono app: how long they last, how they end, and the password change a
// flagged account must make before anything else; with the real database and the run's Temporal
// server, on a clock the tests move.
import { describe, expect, it } from 'vitest';
import { createParent, login, PASSWORD, sessionCookie } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { movableClock } from '../../test/helpers/clock.ts';

const database = useTestDatabase();
const { now, advance } = movableClock(new Date('2026-11-27T08:00:00Z'));
const temporal = useTemporal({ worker: { db: () => database.db, now } });

const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue, now });
const get = (path: string, cookie?: string) => app().request(path, { headers: cookie ? { Cookie: cookie } : {} });

describe('sessions', () => {
  it('end after 2 hours without activity, and slide while the user is active', async () => {
    await createParent(database.db, 'idle@example.fr');
    const cookie = await login(app(), 'idle@example.fr', PASSWORD, { 'X-Forwarded-For': '10.6.0.1' });
    advance(110 * 60_000);
    const active = await get('/mon-compte', cookie);
    expect(active.status).toBe(200);
    expect(sessionCookie(active)).toBe(cookie); // renewed: same token, later expiry
    advance(110 * 60_000);
    expect((await get('/mon-compte', cookie)).status).toBe(200);
    advance(2 * 3600_000 + 1000);
    const expired = await get('/mon-compte', cookie);
    expect(expired.status).toBe(303);
    expect(expired.headers.get('location')).toBe('/connexion?retour=%2Fmon-compte');
  });

  it('end twelve hours after the login, however active', async () => {
    await createParent(database.db, 'marathon@example.fr');
    const cookie = await login(app(), 'marathon@example.fr', PASSWORD, { 'X-Forwarded-For': '10.6.0.1' });
    for (let hour = 1; hour < 12; hour += 1) {
      advance(3600_000);
      expect((await get('/mon-compte', cookie)).status).toBe(200);
    }
    // The last renewal never reaches past the twelfth hour.
    advance(59 * 60_000);
    const last = await get('/mon-compte', cookie);
    expect(last.status).toBe(200);
    advance(60_000 + 1000);
    expect((await get('/mon-compte', cookie)).status).toBe(303);
  });

  it('end at once on "Déconnexion"', async () => {
    await createParent(database.db, 'bye@example.fr');
    const cookie = await login(app(), 'bye@example.fr', PASSWORD, { 'X-Forwarded-For': '10.6.0.2' });
    const out = await postForm(app(), '/deconnexion', {}, { Cookie: cookie });
    expect(out.status).toBe(303);
    expect((await get('/mon-compte', cookie)).status).toBe(303);
  });

  it('end everywhere else when the password changes', async () => {
    await createParent(database.db, 'change@example.fr');
    const here = await login(app(), 'change@example.fr', PASSWORD, { 'X-Forwarded-For': '10.6.0.3' });
    const elsewhere = await login(app(), 'change@example.fr', PASSWORD, { 'X-Forwarded-For': '10.6.0.4' });
    const changed = await postForm(app(), '/mon-compte/mot-de-passe', { current_password: PASSWORD, password: 'Nouveau-Mot-2027!', password_confirmation: 'Nouveau-Mot-2027!' }, { Cookie: here });
    expect(changed.status).toBe(303);
    expect((await get('/mon-compte', here)).status).toBe(200);
    expect((await get('/mon-compte', elsewhere)).status).toBe(303);
  });
});

describe('forced password change', () => {
  it('keeps a flagged account on the change page until it is done', async () => {
    await createParent(database.db, 'force@example.fr', { mustChange: true });
    const response = await postForm(app(), '/connexion', { email: 'force@example.fr', password: PASSWORD }, { 'X-Forwarded-For': '10.7.0.1' });
    expect(response.headers.get('location')).toBe('/mon-compte/mot-de-passe');
    const cookie = sessionCookie(response)!;
    for (const path of ['/mon-compte', '/mon-compte/documents', '/agent/validations', '/']) {
      const blocked = await get(path, cookie);
      expect(blocked.status).toBe(303);
      expect(blocked.headers.get('location')).toBe('/mon-compte/mot-de-passe');
    }
    const page = await get('/mon-compte/mot-de-passe', cookie);
    expect(await page.text()).toContain('vous devez choisir un nouveau mot de passe');
    const done = await postForm(app(), '/mon-compte/mot-de-passe', { current_password: PASSWORD, password: 'Enfin-Change-2026', password_confirmation: 'Enfin-Change-2026' }, { Cookie: cookie });
    expect(done.headers.get('location')).toBe('/mon-compte');
    expect((await get('/mon-compte', cookie)).status).toBe(200);
  });
});
