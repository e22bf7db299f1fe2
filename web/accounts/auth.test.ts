// Sign-up, login and recovery through the Hono app (sessions: sessions.test.ts), with the real database, the run's
// Temporal server and a worker of the real app (mail lands in the outbox table).
import { describe, expect, it } from 'vitest';
import { findUserByEmail } from '../../db/queries/accounts/users.ts';
import { issueToken } from '../../db/queries/accounts/one-time-tokens.ts';
import { CLIENT_LOCKOUT } from '../../db/queries/accounts/rate-limits.ts';
import { createParent, login, PASSWORD, sessionCookie } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { waitForMail } from '../../test/helpers/outbox.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { movableClock } from '../../test/helpers/clock.ts';
import { accountValidationWorkflowId, approvalState } from '../../workflows/approvals/approval.messages.ts';

const database = useTestDatabase();
const { now, advance } = movableClock(new Date('2026-11-27T08:00:00Z'));
const temporal = useTemporal({ worker: { db: () => database.db, now } });

const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue, now });
const get = (path: string, cookie?: string) => app().request(path, { headers: cookie ? { Cookie: cookie } : {} });

const mailTo = (recipient: string) => waitForMail(database.db, recipient);

const linkIn = (text: string, path: string) => {
  const match = new RegExp(`http://localhost:3000${path}\\?token=([a-z0-9]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[1]!;
};

/** The visible text of a page without the parts that legitimately differ (the address typed). */
const pageText = (html: string, email: string) => html.replaceAll(email, 'EMAIL');

describe('sign-up', () => {
  it('answers the same whether or not the address has an account, and mails the right thing', async () => {
    await createParent(database.db, 'deja.inscrite@example.fr');
    const fresh = await postForm(app(), '/inscription', { signup_email: 'nouvelle@example.fr' }, { 'X-Forwarded-For': '10.0.0.1' });
    const known = await postForm(app(), '/inscription', { signup_email: 'Deja.Inscrite@example.fr' }, { 'X-Forwarded-For': '10.0.0.1' });
    expect(fresh.status).toBe(200);
    expect(known.status).toBe(200);
    expect(pageText(await known.text(), 'Deja.Inscrite@example.fr')).toBe(pageText(await fresh.text(), 'nouvelle@example.fr'));

    expect((await mailTo('nouvelle@example.fr')).subject).toBe('Créez votre compte sur la plateforme Citoyens');
    expect((await mailTo('deja.inscrite@example.fr')).subject).toBe('Vous avez déjà un compte sur la plateforme Citoyens');
  });

  it('refuses a weak password with the missing rules, keeps what was typed, then creates a pending account', async () => {
    await postForm(app(), '/inscription', { signup_email: 'claire.pardon@example.fr' }, { 'X-Forwarded-For': '10.0.0.2' });
    const token = linkIn((await mailTo('claire.pardon@example.fr')).text_body, '/inscription/confirmer');
    const page = await get(`/inscription/confirmer?token=${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('claire.pardon@example.fr');

    const rosieres = await database.db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow();
    const fields = { token, first_name: 'Claire', last_name: 'Pardon', phone: '06 12 34 56 78', commune: String(rosieres.id) };
    const weak = await postForm(app(), '/inscription/confirmer', { ...fields, password: 'motdepasse', password_confirmation: 'motdepasse' });
    expect(weak.status).toBe(400);
    const html = await weak.text();
    expect(html).toContain('Le mot de passe ne respecte pas la politique : longueur minimale de 12 caractères, au moins 1 chiffre, au moins 1 majuscule, au moins 1 caractère spécial.');
    expect(html).toContain('value="Claire"');
    expect(html).toContain('value="06 12 34 56 78"');
    expect(html).not.toContain('motdepasse"');
    expect(await findUserByEmail(database.db, 'claire.pardon@example.fr')).toBeUndefined();

    const done = await postForm(app(), '/inscription/confirmer', { ...fields, password: PASSWORD, password_confirmation: PASSWORD });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/mon-compte/documents?bienvenue=1');
    expect(sessionCookie(done)).toBeTruthy();
    const user = await findUserByEmail(database.db, 'claire.pardon@example.fr');
    expect(user).toMatchObject({ status: 'pending', first_name: 'Claire', commune_id: rosieres.id });
    const state = await temporal.client.workflow.getHandle(accountValidationWorkflowId(user!.id)).query(approvalState);
    expect(state.status).toBe('waiting-documents');

    // The link served once.
    expect((await get(`/inscription/confirmer?token=${token}`)).status).toBe(410);
  });

  it('says which field is wrong, in French, and changes nothing', async () => {
    const response = await postForm(app(), '/inscription', { signup_email: 'pas-une-adresse' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("L&#39;adresse e-mail n&#39;est pas valide");
  });
});

describe('login', () => {
  it('gives one message for a wrong password and for an unknown address', async () => {
    await createParent(database.db, 'marie@example.fr');
    const wrong = await postForm(app(), '/connexion', { email: 'marie@example.fr', password: 'Mauvais-Mot-2026' }, { 'X-Forwarded-For': '10.1.0.1' });
    const unknown = await postForm(app(), '/connexion', { email: 'inconnue@example.fr', password: 'Mauvais-Mot-2026' }, { 'X-Forwarded-For': '10.1.0.2' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.text(), await unknown.text()];
    expect(a).toContain('Adresse e-mail ou mot de passe incorrect.');
    expect(pageText(a, 'marie@example.fr')).toBe(pageText(b, 'inconnue@example.fr'));
  });

  it('locks an address after 5 failures, says how long, and lets it in once the delay is over', async () => {
    await createParent(database.db, 'lock@example.fr');
    for (let i = 0; i < 5; i += 1) {
      expect((await postForm(app(), '/connexion', { email: 'lock@example.fr', password: `Faux-${i}-mot-de-passe` }, { 'X-Forwarded-For': `10.2.0.${i}` })).status).toBe(401);
    }
    const sixth = await postForm(app(), '/connexion', { email: 'lock@example.fr', password: 'Encore-faux-2026' }, { 'X-Forwarded-For': '10.2.1.1' });
    expect(sixth.status).toBe(401);
    const locked = await postForm(app(), '/connexion', { email: 'lock@example.fr', password: PASSWORD }, { 'X-Forwarded-For': '10.2.1.2' });
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('Trop de tentatives de connexion. Réessayez dans 1 minute.');
    advance(61_000);
    expect((await postForm(app(), '/connexion', { email: 'lock@example.fr', password: PASSWORD }, { 'X-Forwarded-For': '10.2.1.3' })).status).toBe(303);
  });

  it('lets a second family in from an address where the first one locked its own account', async () => {
    await createParent(database.db, 'distraite@example.fr');
    await createParent(database.db, 'voisine@example.fr');
    const mairie = { 'X-Forwarded-For': '10.3.9.1' };
    for (let i = 0; i < 6; i += 1) expect((await postForm(app(), '/connexion', { email: 'distraite@example.fr', password: `Faux-${i}-mot-de-passe` }, mairie)).status).toBe(401);
    expect((await postForm(app(), '/connexion', { email: 'distraite@example.fr', password: PASSWORD }, mairie)).status).toBe(429);
    expect((await postForm(app(), '/connexion', { email: 'voisine@example.fr', password: PASSWORD }, mairie)).status).toBe(303);
  });

  it('limits one client address across many accounts, after many failures', async () => {
    for (let i = 0; i < CLIENT_LOCKOUT.freeFailures + 1; i += 1) {
      await postForm(app(), '/connexion', { email: `essai${i}@example.fr`, password: 'Faux-mot-de-passe-1' }, { 'X-Forwarded-For': '10.3.0.1' });
    }
    const response = await postForm(app(), '/connexion', { email: 'autre@example.fr', password: 'Faux-mot-de-passe-1' }, { 'X-Forwarded-For': '10.3.0.1' });
    expect(response.status).toBe(429);
  });

  it('reads the client from the rightmost hop the proxy wrote, whatever the client put before it', async () => {
    for (let i = 0; i < CLIENT_LOCKOUT.freeFailures + 1; i += 1) {
      const spoofed = { 'X-Forwarded-For': `203.0.113.${i}, 10.3.1.1` };
      await postForm(app(), '/connexion', { email: `cible${i}@example.fr`, password: 'Faux-mot-de-passe-1' }, spoofed);
    }
    const response = await postForm(app(), '/connexion', { email: 'encore@example.fr', password: 'Faux-mot-de-passe-1' }, { 'X-Forwarded-For': '198.51.100.7, 10.3.1.1' });
    expect(response.status).toBe(429);
  });

  it('does not let a login to one\'s own account wash away guesses at others', async () => {
    await createParent(database.db, 'attaquant@example.fr');
    const from = { 'X-Forwarded-For': '10.3.2.1' };
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 2; i += 1) await postForm(app(), '/connexion', { email: `victime${round}${i}@example.fr`, password: 'Faux-mot-de-passe-1' }, from);
      expect((await postForm(app(), '/connexion', { email: 'attaquant@example.fr', password: PASSWORD }, from)).status).toBe(303);
    }
    // Four guesses so far, the own logins taken back: the address's free ones and one more are tried, the next refused.
    for (let i = 4; i < CLIENT_LOCKOUT.freeFailures + 1; i += 1) expect((await postForm(app(), '/connexion', { email: `victime5${i}@example.fr`, password: 'Faux-mot-de-passe-1' }, from)).status).toBe(401);
    expect((await postForm(app(), '/connexion', { email: 'victime99@example.fr', password: 'Faux-mot-de-passe-1' }, from)).status).toBe(429);
  });

  it('counts concurrent attempts one by one: a burst gets no more tries than a sequence', async () => {
    await createParent(database.db, 'rafale@example.fr');
    const burst = await Promise.all(
      Array.from({ length: 15 }, async (_, i) => postForm(app(), '/connexion', { email: 'rafale@example.fr', password: `Faux-${i}-mot-de-passe` }, { 'X-Forwarded-For': `10.3.3.${i}` })),
    );
    expect(burst.filter((response) => response.status === 401)).toHaveLength(6);
    expect(burst.filter((response) => response.status === 429)).toHaveLength(9);
  });

  it('limits the current password asked before a change like a login', async () => {
    await createParent(database.db, 'session-volee@example.fr');
    const cookie = await login(app(), 'session-volee@example.fr', PASSWORD, { 'X-Forwarded-For': '10.3.4.1' });
    const guess = (path: string, fields: Record<string, string>) => postForm(app(), path, fields, { Cookie: cookie, 'X-Forwarded-For': '10.3.4.2' });
    for (let i = 0; i < 3; i += 1) {
      const response = await guess('/mon-compte/mot-de-passe', { current_password: `Devine-${i}-2026!`, password: 'Nouveau-Mot-2027!', password_confirmation: 'Nouveau-Mot-2027!' });
      expect(await response.text()).toContain('Le mot de passe actuel est incorrect.');
    }
    for (let i = 0; i < 3; i += 1) await guess('/mon-compte/informations/email', { new_email: 'pirate@example.fr', current_password: `Devine-${i}-2027!` });
    const locked = await guess('/mon-compte/informations/email', { new_email: 'pirate@example.fr', current_password: PASSWORD });
    expect(locked.status).toBe(400);
    expect(await locked.text()).toContain('Trop de tentatives. Réessayez dans 1 minute.');
    const user = await findUserByEmail(database.db, 'session-volee@example.fr');
    expect(user?.email).toBe('session-volee@example.fr');
  });

  it('gives a fresh session at login, never the cookie the browser came with', async () => {
    await createParent(database.db, 'fixation@example.fr');
    const first = await login(app(), 'fixation@example.fr', PASSWORD, { 'X-Forwarded-For': '10.4.0.1' });
    const second = await login(app(), 'fixation@example.fr', PASSWORD, { Cookie: first, 'X-Forwarded-For': '10.4.0.1' });
    expect(second).not.toBe(first);
    expect((await get('/mon-compte', first)).status).toBe(303);
    expect((await get('/mon-compte', second)).status).toBe(200);
  });

  it('sets the cookie HttpOnly, SameSite=Lax, for two hours', async () => {
    await createParent(database.db, 'cookie@example.fr');
    const response = await postForm(app(), '/connexion', { email: 'cookie@example.fr', password: PASSWORD }, { 'X-Forwarded-For': '10.5.0.1' });
    const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith('session='))!;
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    // Max-Age, counted on the server's clock, not an Expires date read on the browser's.
    expect(header).toMatch(/Max-Age=7200(;|$)/);
    expect(header).not.toMatch(/Expires=/);
  });
});

describe('forgotten password', () => {
  it('answers the same for an unknown address and mails a single-use link valid one hour', async () => {
    await createParent(database.db, 'oubli@example.fr', { password: null, mustChange: true });
    const known = await postForm(app(), '/recuperation-mot-de-passe', { email: 'oubli@example.fr' }, { 'X-Forwarded-For': '10.8.0.1' });
    const unknown = await postForm(app(), '/recuperation-mot-de-passe', { email: 'personne@example.fr' }, { 'X-Forwarded-For': '10.8.0.1' });
    expect(pageText(await known.text(), 'oubli@example.fr')).toBe(pageText(await unknown.text(), 'personne@example.fr'));

    const token = linkIn((await mailTo('oubli@example.fr')).text_body, '/recuperation-mot-de-passe/nouveau');
    const weak = await postForm(app(), '/recuperation-mot-de-passe/nouveau', { token, password: 'court', password_confirmation: 'court' });
    expect(weak.status).toBe(400);
    const mismatch = await postForm(app(), '/recuperation-mot-de-passe/nouveau', { token, password: 'Nouveau-Depart-2026', password_confirmation: 'Nouveau-Depart-2027' });
    expect(await mismatch.text()).toContain('Les deux mots de passe ne sont pas identiques.');
    const done = await postForm(app(), '/recuperation-mot-de-passe/nouveau', { token, password: 'Nouveau-Depart-2026', password_confirmation: 'Nouveau-Depart-2026' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/mon-compte');
    expect((await findUserByEmail(database.db, 'oubli@example.fr'))!.must_change_password).toBe(false);
    expect((await postForm(app(), '/recuperation-mot-de-passe/nouveau', { token, password: 'Autre-Essai-2026', password_confirmation: 'Autre-Essai-2026' })).status).toBe(410);
    await login(app(), 'oubli@example.fr', 'Nouveau-Depart-2026', { 'X-Forwarded-For': '10.8.0.2' });
  });

  it('spends every other outstanding link once the password changes', async () => {
    const user = await createParent(database.db, 'deux-liens@example.fr');
    const first = await issueToken(database.db, { purpose: 'password-reset', email: user.email, userId: user.id, now: now() });
    const second = await issueToken(database.db, { purpose: 'password-reset', email: user.email, userId: user.id, now: now() });
    const done = await postForm(app(), '/recuperation-mot-de-passe/nouveau', { token: second.token, password: 'Second-Lien-2026!', password_confirmation: 'Second-Lien-2026!' });
    expect(done.status).toBe(303);
    expect((await get(`/recuperation-mot-de-passe/nouveau?token=${first.token}`)).status).toBe(410);

    // A change from "Mon compte" spends them too.
    const third = await issueToken(database.db, { purpose: 'password-reset', email: user.email, userId: user.id, now: now() });
    const cookie = await login(app(), user.email, 'Second-Lien-2026!', { 'X-Forwarded-For': '10.8.0.3' });
    const changed = await postForm(app(), '/mon-compte/mot-de-passe', { current_password: 'Second-Lien-2026!', password: 'Troisieme-Mot-2027!', password_confirmation: 'Troisieme-Mot-2027!' }, { Cookie: cookie, 'X-Forwarded-For': '10.8.0.3' });
    expect(changed.status).toBe(303);
    expect((await get(`/recuperation-mot-de-passe/nouveau?token=${third.token}`)).status).toBe(410);
  });

  it('refuses a link older than one hour', async () => {
    const user = await createParent(database.db, 'tard@example.fr');
    const { token } = await issueToken(database.db, { purpose: 'password-reset', email: user.email, userId: user.id, now: now() });
    advance(61 * 60_000);
    expect((await get(`/recuperation-mot-de-passe/nouveau?token=${token}`)).status).toBe(410);
  });
});

describe('password checklist', () => {
  it('answers htmx with the checklist of the rules met so far', async () => {
    const response = await postForm(app(), '/mot-de-passe/regles', { password: 'abcDEF' }, { 'HX-Request': 'true' });
    const html = await response.text();
    expect(html).toMatch(/^<div id="password-rules"/);
    expect(html).toContain('rule rule--met');
    expect(html).toMatch(/Au moins 1 chiffre<span class="visually-hidden"> : non respecté/);
  });
});
