// Staff's family search and family page: only the families of their communes.
import { describe, expect, it } from 'vitest';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();

const app = () => createTestApp({ db: database.db, temporal: temporal.client });
const get = async (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });
/** The one-time token the family page issues with its adjustment form. */
const formToken = async (familyId: number, cookie: string) => /name="jeton" value="([0-9a-f-]{36})"/.exec(await (await get(`/agent/familles/${familyId}`, cookie)).text())![1]!;

describe('family search', () => {
  it("finds a family by a child's name, in the staff's communes only", async () => {
    const girard = await createParent(database.db, 'girard@example.fr', { commune: 'rosieres', status: 'validated' });
    await database.db.insertInto('dependants').values({ guardian_id: girard.id, first_name: 'Kylian', last_name: 'Girard', birth_date: '2017-03-02', relationship: 'enfant' }).execute();
    const other = await createParent(database.db, 'ailleurs@example.fr', { commune: 'bains', status: 'validated' });
    await database.db.insertInto('dependants').values({ guardian_id: other.id, first_name: 'Kylian', last_name: 'Martin', birth_date: '2016-01-02', relationship: 'enfant' }).execute();
    await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
    const staff = await login(app(), 'agent@rosieres.fr');

    const results = await (await get('/agent/familles?q=kylian', staff)).text();
    expect(results).toContain('girard@example.fr');
    expect(results).not.toContain('ailleurs@example.fr');
    expect(await (await get('/agent/familles?q=%25', staff)).text()).not.toContain('girard@example.fr');

    const page = await get(`/agent/familles/${girard.id}`, staff);
    expect(page.status).toBe(200);
    const html = await page.text();
    // Its processes in Temporal, found by the account's number: no e-mail is a search attribute.
    expect(html).toContain(`/namespaces/default/workflows?query=AccountId%20%3D%20${girard.id}`);
    expect(html).toContain('Kylian Girard, né(e) le 02-03-2017 (Enfant)');
    expect(html).toContain('Compte validé');
    expect((await get(`/agent/familles/${other.id}`, staff)).status).toBe(403);
  });

  it('is refused to parents', async () => {
    await createParent(database.db, 'curieux@example.fr');
    const cookie = await login(app(), 'curieux@example.fr');
    expect((await get('/agent/familles', cookie)).status).toBe(403);
  });
});

describe('quotient familial', () => {
  it('is entered by staff of the commune, checked, and logged', async () => {
    const family = await createParent(database.db, 'qf@example.fr', { commune: 'rosieres', status: 'validated' });
    await createStaff(database.db, 'agent.qf@rosieres.fr', ['rosieres']);
    const staff = await login(app(), 'agent.qf@rosieres.fr');
    const bad = await postForm(app(), `/agent/familles/${family.id}/quotient`, { quotient_familial: 'huit cents' }, { Cookie: staff });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Le quotient familial est un nombre entier');
    expect((await postForm(app(), `/agent/familles/${family.id}/quotient`, { quotient_familial: '850' }, { Cookie: staff })).status).toBe(303);
    expect((await database.db.selectFrom('users').select('quotient_familial').where('id', '=', family.id).executeTakeFirstOrThrow()).quotient_familial).toBe(850);
    expect(await database.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', family.id).execute()).toEqual([{ action: 'family.quotient_familial', details: { before: null, after: 850 } }]);

    await createStaff(database.db, 'agent.qf@bains.fr', ['bains']);
    const outsider = await login(app(), 'agent.qf@bains.fr');
    expect((await postForm(app(), `/agent/familles/${family.id}/quotient`, { quotient_familial: '1' }, { Cookie: outsider })).status).toBe(403);
  });
});

describe('wallet adjustment', () => {
  it('credits or debits with a reason, never below zero, by staff of the commune only', async () => {
    const family = await createParent(database.db, 'ajuste@example.fr', { commune: 'rosieres', status: 'validated' });
    await createStaff(database.db, 'agent.ajuste@rosieres.fr', ['rosieres']);
    const staff = await login(app(), 'agent.ajuste@rosieres.fr');
    expect((await postForm(app(), `/agent/familles/${family.id}/porte-monnaie`, { montant: '5,00', motif: 'Geste commercial', jeton: await formToken(family.id, staff) }, { Cookie: staff })).status).toBe(303);
    const overdraft = await postForm(app(), `/agent/familles/${family.id}/porte-monnaie`, { montant: '-6', motif: 'Erreur de saisie', jeton: await formToken(family.id, staff) }, { Cookie: staff });
    expect(overdraft.status).toBe(400);
    expect(await overdraft.text()).toContain('Le solde ne permet pas ce débit.');
    const noReason = await postForm(app(), `/agent/familles/${family.id}/porte-monnaie`, { montant: '1', motif: '', jeton: await formToken(family.id, staff) }, { Cookie: staff });
    expect(await noReason.text()).toContain('Indiquez le motif');
    const entries = await database.db.selectFrom('wallet_entries').select(['amount_cents', 'label', 'kind']).where('user_id', '=', family.id).execute();
    expect(entries).toEqual([{ amount_cents: 500, label: 'Ajustement par la mairie : Geste commercial', kind: 'adjustment' }]);
    await createStaff(database.db, 'agent.ajuste@bains.fr', ['bains']);
    expect((await postForm(app(), `/agent/familles/${family.id}/porte-monnaie`, { montant: '5', motif: 'Pirate' }, { Cookie: await login(app(), 'agent.ajuste@bains.fr') })).status).toBe(403);
  });

  it('moves the money once per form: the same form sent twice credits once and says so', async () => {
    const family = await createParent(database.db, 'deux-fois@example.fr', { commune: 'rosieres', status: 'validated' });
    await createStaff(database.db, 'agent.double@rosieres.fr', ['rosieres']);
    const staff = await login(app(), 'agent.double@rosieres.fr');
    const form = { montant: '20,00', motif: 'Remboursement de la sortie', jeton: await formToken(family.id, staff) };
    expect((await postForm(app(), `/agent/familles/${family.id}/porte-monnaie`, form, { Cookie: staff })).status).toBe(303);
    const replayed = await postForm(app(), `/agent/familles/${family.id}/porte-monnaie`, form, { Cookie: staff });
    expect(replayed.status).toBe(400);
    const html = await replayed.text();
    expect(html).toContain('Ce formulaire a déjà été envoyé : l’ajustement est enregistré une seule fois, rien n’a été changé cette fois-ci.');
    expect(html).not.toContain(`value="${form.jeton}"`);
    const withoutToken = await postForm(app(), `/agent/familles/${family.id}/porte-monnaie`, { montant: '20,00', motif: 'Remboursement de la sortie' }, { Cookie: staff });
    expect(await withoutToken.text()).toContain('Ce formulaire a expiré');
    const entries = await database.db.selectFrom('wallet_entries').select('amount_cents').where('user_id', '=', family.id).execute();
    expect(entries).toEqual([{ amount_cents: 2000 }]);
    expect(await database.db.selectFrom('audit_log').select('id').where('action', '=', 'wallet.adjustment').where('subject_id', '=', family.id).execute()).toHaveLength(1);
    // A new form is a new adjustment.
    expect((await postForm(app(), `/agent/familles/${family.id}/porte-monnaie`, { ...form, jeton: await formToken(family.id, staff) }, { Cookie: staff })).status).toBe(303);
    expect(await database.db.selectFrom('wallet_entries').select('amount_cents').where('user_id', '=', family.id).execute()).toHaveLength(2);
  });
});
