// The régies' settings pages: administrators create and change them (checked, audited, the HMAC
// key write-only), staff read their communes' régies and attach their products, staff of
// another commune are refused.
import { describe, expect, it } from 'vitest';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { testToday } from '../../test/helpers/clock.ts';
import { addDays } from '../../domain/dates.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

const communeId = async (slug: string) => (await database.db.selectFrom('communes').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
const regieOf = async (slug: string) => (await database.db.selectFrom('regie_communes').select('regie_id').where('commune_id', '=', await communeId(slug)).orderBy('regie_id').executeTakeFirstOrThrow()).regie_id;
const KEY = 'AB'.repeat(64);
const newProduct = async (commune: number, name: string) =>
  (
    await database.db
      .insertInto('products')
      .values({ commune_id: commune, category: 'garderies', kind: 'dated', name, provider_label: name, description: name, weekdays: [3], season_start: testToday(), season_end: addDays(testToday(), 60) })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

describe('régies', () => {
  it('are created and changed by administrators only, checked field by field, the key never shown back', async () => {
    const agent = await createStaff(database.db, 'regisseuse@rosieres.fr', ['rosieres']);
    await createStaff(database.db, 'admin@citoyens.fr', [], 'admin');
    const admin = await login(app(), 'admin@citoyens.fr');
    const staff = await login(app(), 'regisseuse@rosieres.fr');
    const rosieres = await communeId('rosieres');

    const bad = await postForm(app(), '/agent/regies/nouvelle', { nom: 'Régie cantine', paybox_site: '12345', pes_id_coll: '123', payfip_saisie: 'T', moyens: 'payfip-card' }, { Cookie: admin });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Le numéro de site Paybox compte 7 chiffres.');
    expect(badHtml).toContain('Le SIRET de la collectivité compte 14 chiffres.');
    expect(badHtml).toContain('Cochez au moins une commune.');
    expect(badHtml).toContain('value="Régie cantine"');
    expect(badHtml).toMatch(/value="payfip-card" checked/);

    const body = new URLSearchParams({ nom: 'Régie cantine', paybox_site: '1234567', paybox_rang: '01', paybox_identifiant: '123456789', paybox_cle: KEY, paybox_direct: 'PPPS-secret-42', payfip_numcli: '012345', payfip_saisie: 'W', pes_id_coll: '21430198700017', regisseur: String(agent.id) });
    for (const method of ['card', 'payfip-card', 'cash', 'cheque']) body.append('moyens', method);
    body.append('communes', String(rosieres));
    const post = (path: string, cookie: string, form: URLSearchParams) => app().request(path, { method: 'POST', body: form.toString(), headers: { Cookie: cookie, Origin: 'http://localhost:3000', 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect((await post('/agent/regies/nouvelle', staff, body)).status).toBe(403);
    const created = await post('/agent/regies/nouvelle', admin, body);
    expect(created.status).toBe(303);
    const id = Number(/\/agent\/regies\/(\d+)/.exec(created.headers.get('location')!)![1]);
    const row = await database.db.selectFrom('regies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect([row.methods, row.paybox_hmac_key, row.paybox_cle, row.payfip_saisie, row.payfip_numcli]).toEqual([['card', 'payfip-card', 'cash', 'cheque'], KEY, 'PPPS-secret-42', 'W', '012345']);
    expect(await database.db.selectFrom('regie_members').select(['user_id', 'role']).where('regie_id', '=', id).execute()).toEqual([{ user_id: agent.id, role: 'regisseur' }]);

    const page = await (await get(`/agent/regies/${id}`, admin)).text();
    expect(page).toContain('Clé enregistrée');
    expect(page).not.toContain(KEY);
    expect(page).not.toContain('PPPS-secret-42');
    // Saved again with the keys left empty: the keys stay.
    body.delete('paybox_cle');
    body.delete('paybox_direct');
    body.set('nom', 'Régie cantine et garderie');
    expect((await post(`/agent/regies/${id}`, admin, body)).status).toBe(303);
    expect((await database.db.selectFrom('regies').select(['name', 'paybox_hmac_key', 'paybox_cle']).where('id', '=', id).executeTakeFirstOrThrow())).toEqual({ name: 'Régie cantine et garderie', paybox_hmac_key: KEY, paybox_cle: 'PPPS-secret-42' });
    const audit = await database.db.selectFrom('audit_log').select(['action', 'details']).where('subject_type', '=', 'regie').where('subject_id', '=', id).orderBy('id').execute();
    expect(audit.map((entry) => entry.action)).toEqual(['regie.created', 'regie.updated']);
    expect(JSON.stringify(audit)).not.toContain(KEY);
    expect(JSON.stringify(audit)).not.toContain('PPPS-secret-42');

    // A name taken, a régisseur of another commune: refused next to their fields, nothing changed.
    body.set('nom', (await database.db.selectFrom('regies').select('name').where('id', '=', await regieOf('rosieres')).executeTakeFirstOrThrow()).name);
    const taken = await post(`/agent/regies/${id}`, admin, body);
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain('Une autre régie porte déjà ce nom.');
    const outsider = await createStaff(database.db, 'agent@bains.fr', ['bains']);
    body.set('nom', 'Régie cantine et garderie');
    body.set('regisseur', String(outsider.id));
    expect(await (await post(`/agent/regies/${id}`, admin, body)).text()).toContain('Le régisseur est un agent de l’une des communes de la régie.');

    // Staff read it, without the form; staff of another commune are refused.
    const staffPage = await get(`/agent/regies/${id}`, staff);
    expect(staffPage.status).toBe(200);
    const staffHtml = await staffPage.text();
    expect(staffHtml).toContain('Régie cantine et garderie');
    expect(staffHtml).not.toContain('name="paybox_cle"');
    expect((await post(`/agent/regies/${id}`, staff, body)).status).toBe(403);
    const other = await login(app(), 'agent@bains.fr');
    expect((await get(`/agent/regies/${id}`, other)).status).toBe(403);
    expect(await (await get('/agent/regies', other)).text()).not.toContain('Régie cantine et garderie');
    expect(await (await get('/agent/regies', staff)).text()).toContain('Régie cantine et garderie');
  });

  it('take a product of their commune from another régie when staff attach it, never one of another commune', async () => {
    await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
    await createStaff(database.db, 'agent-bains@bains.fr', ['bains']);
    const staff = await login(app(), 'agent@rosieres.fr');
    const rosieres = await communeId('rosieres');
    const bains = await communeId('bains');
    const second = (await database.db.insertInto('regies').values({ name: 'Régie du centre de loisirs', methods: ['card', 'wallet'] }).returning('id').executeTakeFirstOrThrow()).id;
    await database.db.insertInto('regie_communes').values([{ regie_id: second, commune_id: rosieres }, { regie_id: second, commune_id: bains }]).execute();
    const product = await newProduct(rosieres, 'Centre aéré');
    const theirs = await newProduct(bains, 'Stage de Bains');

    const page = await (await get(`/agent/regies/${second}`, staff)).text();
    expect(page).toContain('Centre aéré');
    expect(page).not.toContain('Stage de Bains');
    const refused = await postForm(app(), `/agent/regies/${second}/produits`, { produit: String(theirs) }, { Cookie: staff });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Choisissez un produit de la liste.');
    expect((await postForm(app(), `/agent/regies/${second}/produits`, { produit: String(product) }, { Cookie: staff })).status).toBe(303);
    expect((await database.db.selectFrom('products').select('regie_id').where('id', '=', product).executeTakeFirstOrThrow()).regie_id).toBe(second);
    expect((await database.db.selectFrom('products').select('regie_id').where('id', '=', theirs).executeTakeFirstOrThrow()).regie_id).not.toBe(second);
    expect(await database.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'product').where('subject_id', '=', product).execute()).toEqual([{ action: 'product.regie' }]);

    const parent = await createParent(database.db, 'curieux@example.fr', { commune: 'rosieres', status: 'validated' });
    expect((await get(`/agent/regies/${second}`, await login(app(), parent.email))).status).toBe(403);
  });
});
