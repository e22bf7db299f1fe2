// A closed account opens no session by any door: neither a password, nor a reset or invitation
// link (disabling spends them, and one issued since opens nothing), nor a session opened before:
// an agent disabled, or a family whose erasure is under way.
import { describe, expect, it } from 'vitest';
import { requestErasure } from '../../db/queries/personal-data/erasure.ts';
import { issueToken } from '../../db/queries/accounts/one-time-tokens.ts';
import { createParent, createStaff, login, PASSWORD, sessionCookie } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { testNow } from '../../test/helpers/clock.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
const get = (path: string, cookie = '') => app().request(path, { headers: cookie ? { Cookie: cookie } : {} });
const NEW_PASSWORD = 'Retour-Interdit-2026!';
const choose = (token: string) => postForm(app(), '/recuperation-mot-de-passe/nouveau', { token, password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD });
const passwordHash = async (id: number) => (await database.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash;

describe('a disabled agent', () => {
  it('gets no session from a reset or invitation link, whether sent before or after the disabling', async () => {
    await createStaff(database.db, 'admin@agglo.fr', [], 'admin');
    const admin = await login(app(), 'admin@agglo.fr', PASSWORD, { 'X-Forwarded-For': '10.71.0.1' });
    const agent = await createStaff(database.db, 'agent.rosieres@mairie.fr', ['rosieres']);
    const reset = await issueToken(database.db, { purpose: 'password-reset', email: agent.email, userId: agent.id, now: testNow() });
    const invitation = await issueToken(database.db, { purpose: 'invitation', email: agent.email, userId: agent.id, now: testNow() });
    expect((await postForm(app(), `/agent/agents/${agent.id}/desactiver`, { confirmation: 'oui' }, { Cookie: admin })).status).toBe(303);
    const later = await issueToken(database.db, { purpose: 'password-reset', email: agent.email, userId: agent.id, now: testNow() });
    const before = await passwordHash(agent.id);

    for (const { token } of [reset, invitation, later]) {
      expect((await get(`/recuperation-mot-de-passe/nouveau?token=${token}`)).status).toBe(410);
      const used = await choose(token);
      expect(used.status).toBe(410);
      expect(sessionCookie(used)).toBeNull();
    }
    expect(await passwordHash(agent.id)).toBe(before);
    const refused = await postForm(app(), '/connexion', { email: agent.email, password: PASSWORD }, { 'X-Forwarded-For': '10.71.0.2' });
    expect(refused.status).toBe(403);
  });

  it('loses a session opened before, whichever path suspended the account', async () => {
    await createStaff(database.db, 'agent.bains@mairie.fr', ['bains']);
    const session = await login(app(), 'agent.bains@mairie.fr', PASSWORD, { 'X-Forwarded-For': '10.71.0.3' });
    expect((await get('/agent/familles', session)).status).toBe(200);
    // As a users' import does: the status changes, the sessions table is not touched.
    await database.db.updateTable('users').set({ status: 'suspended' }).where('email', '=', 'agent.bains@mairie.fr').execute();
    const after = await get('/agent/familles', session);
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/connexion/);
  });
});

describe('a family whose erasure is under way', () => {
  it('loses its other sessions, and gets none by password or link', async () => {
    const family = await createParent(database.db, 'efface@example.fr', { status: 'validated' });
    const phone = await login(app(), family.email, PASSWORD, { 'X-Forwarded-For': '10.71.0.4' });
    expect((await get('/mon-compte', phone)).status).toBe(200);
    // Asked from another device; the erasure's workflow has not closed the account yet.
    await requestErasure(database.db, { userId: family.id, iban: null, now: testNow() });

    const after = await get('/mon-compte', phone);
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/connexion/);
    const refused = await postForm(app(), '/connexion', { email: family.email, password: PASSWORD }, { 'X-Forwarded-For': '10.71.0.5' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('l’effacement de ses données est en cours');
    const { token } = await issueToken(database.db, { purpose: 'password-reset', email: family.email, userId: family.id, now: testNow() });
    const used = await choose(token);
    expect(used.status).toBe(410);
    expect(sessionCookie(used)).toBeNull();
  });
});
