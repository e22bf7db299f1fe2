// Administrators' page of staff accounts: invitation by mail with the single-use link, disabling
// (who and what it does shown first, then sessions ended and login barred once confirmed) and
// enabling again; other staff and parents cannot reach it.
import { describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { createParent, createStaff, login, PASSWORD } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { waitForMail } from '../../test/helpers/outbox.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db } });
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

const mailTo = (recipient: string) => waitForMail(database.db, recipient);

describe('agents', () => {
  it('invites an agent of chosen communes, who sets a password with the mailed link', async () => {
    await loadDemoCatalogue(database.db, '2026-11-27');
    await createStaff(database.db, 'chef@agglo.fr', [], 'admin');
    const admin = await login(app(), 'chef@agglo.fr', PASSWORD, { 'X-Forwarded-For': '10.90.0.1' });
    const none = await postForm(app(), '/agent/agents', { email: 'nouvel.agent@mairie.fr' }, { Cookie: admin });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Cochez au moins une commune');
    const body = new URLSearchParams([['email', 'nouvel.agent@mairie.fr'], ['communes', 'bains'], ['communes', 'allegre']]);
    const invited = await app().request('/agent/agents', { method: 'POST', body: body.toString(), headers: { Cookie: admin, Origin: 'http://localhost:3000', 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(invited.status).toBe(303);
    const mail = await mailTo('nouvel.agent@mairie.fr');
    expect(mail.subject).toBe('Votre accès agent à la plateforme Citoyens');
    expect(mail.text_body).toContain('(Bains, Allègre)');
    const token = /token=([a-z0-9]+)/.exec(mail.text_body)![1]!;
    const chosen = await postForm(app(), '/recuperation-mot-de-passe/nouveau', { token, password: 'Agent-Nouveau-2026!', password_confirmation: 'Agent-Nouveau-2026!' });
    expect(chosen.status).toBe(303);
    expect(await (await get('/agent/agents', admin)).text()).toContain('Bains, Allègre');
  });

  it('disables an agent: their sessions end and their login is refused, until enabled again', async () => {
    await createStaff(database.db, 'chef2@agglo.fr', [], 'admin');
    const admin = await login(app(), 'chef2@agglo.fr', PASSWORD, { 'X-Forwarded-For': '10.90.0.2' });
    const agent = await createStaff(database.db, 'partant@mairie.fr', ['bains']);
    const session = await login(app(), 'partant@mairie.fr', PASSWORD, { 'X-Forwarded-For': '10.90.0.3' });
    const preview = await postForm(app(), `/agent/agents/${agent.id}/desactiver`, {}, { Cookie: admin });
    expect(preview.status).toBe(200);
    const shown = await preview.text();
    expect(shown).toContain('Confirmer la désactivation du compte de');
    expect(shown).toContain('partant@mairie.fr');
    expect(shown).toContain('Communes : Bains');
    expect(shown).toContain("l&#39;agent est déconnecté tout de suite");
    expect(shown).toContain('name="confirmation" value="oui"');
    // Nothing done before the confirmation: the agent is still signed in, and « Retour » changes nothing either.
    expect((await get('/agent', session)).status).toBe(200);
    expect((await postForm(app(), `/agent/agents/${agent.id}/desactiver`, { confirmation: 'retour' }, { Cookie: admin })).headers.get('location')).toBe('/agent/agents');
    expect((await get('/agent', session)).status).toBe(200);
    expect(await database.db.selectFrom('audit_log').select('action').where('subject_id', '=', agent.id).where('action', '=', 'staff.disabled').execute()).toEqual([]);

    expect((await postForm(app(), `/agent/agents/${agent.id}/desactiver`, { confirmation: 'oui' }, { Cookie: admin })).status).toBe(303);
    expect((await get('/agent', session)).status).toBe(303);
    const refused = await postForm(app(), '/connexion', { email: 'partant@mairie.fr', password: PASSWORD }, { 'X-Forwarded-For': '10.90.0.4' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Ce compte est désactivé.');
    const audit = await database.db.selectFrom('audit_log').select('action').where('subject_id', '=', agent.id).execute();
    expect(audit.map((a) => a.action)).toContain('staff.disabled');
    expect((await postForm(app(), `/agent/agents/${agent.id}/activer`, {}, { Cookie: admin })).status).toBe(303);
    expect((await postForm(app(), '/connexion', { email: 'partant@mairie.fr', password: PASSWORD }, { 'X-Forwarded-For': '10.90.0.5' })).status).toBe(303);
  });

  it('is for administrators only, and never disables a parent', async () => {
    await createStaff(database.db, 'simple@mairie.fr', ['bains']);
    const staff = await login(app(), 'simple@mairie.fr', PASSWORD, { 'X-Forwarded-For': '10.90.0.6' });
    expect((await get('/agent/agents', staff)).status).toBe(403);
    // Nor preview nor confirm a disabling.
    const other = await createStaff(database.db, 'collegue@mairie.fr', ['bains']);
    for (const confirmation of [{}, { confirmation: 'oui' }] as Record<string, string>[]) {
      expect((await postForm(app(), `/agent/agents/${other.id}/desactiver`, confirmation, { Cookie: staff })).status).toBe(403);
    }
    expect((await database.db.selectFrom('users').select('status').where('id', '=', other.id).executeTakeFirstOrThrow()).status).toBe('validated');
    const parent = await createParent(database.db, 'famille@example.fr');
    await createStaff(database.db, 'chef3@agglo.fr', [], 'admin');
    const admin = await login(app(), 'chef3@agglo.fr', PASSWORD, { 'X-Forwarded-For': '10.90.0.7' });
    for (const confirmation of [{}, { confirmation: 'oui' }] as Record<string, string>[]) {
      expect((await postForm(app(), `/agent/agents/${parent.id}/desactiver`, confirmation, { Cookie: admin })).status).toBe(404);
    }
  });
});
