// Staff build a démarche's form as long as it needs, one more row at a time without JavaScript;
// see it as families will before creating it; a wrong row is marked alone; the form is edited
// until a family answers it, then only its title and presentation change; nothing of it for
// another commune's staff.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { readRequestFields } from '../../domain/request-forms.ts';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { bookableSeasonDay, testNow } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now: testNow });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });
const post = (path: string, fields: Record<string, string>, cookie: string) =>
  app().request(path, { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { Cookie: cookie, Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' } });

let staff: string;
let outsider: string;
let commune: string;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
  await createStaff(database.db, 'agent@aiguilhe.fr', ['aiguilhe']);
  await createStaff(database.db, 'agent@bains.fr', ['bains']);
  staff = await login(app(), 'agent@aiguilhe.fr');
  outsider = await login(app(), 'agent@bains.fr');
  commune = String((await database.db.selectFrom('communes').select('id').where('slug', '=', 'aiguilhe').executeTakeFirstOrThrow()).id);
});

/** Eight fields, two more than the builder used to hold. */
const EIGHT_FIELDS: Record<string, string> = {
  libelle_1: 'Nom du demandeur', type_1: 'text', obligatoire_1: '1',
  libelle_2: 'Date de l’événement', type_2: 'date', obligatoire_2: '1',
  libelle_3: 'Salle', type_3: 'choice', choix_3: 'Grande salle ; Petite salle', obligatoire_3: '1',
  libelle_4: 'Nombre de personnes', type_4: 'text',
  libelle_5: 'Sonorisation', type_5: 'choice', choix_5: 'Oui ; Non',
  libelle_6: 'Attestation d’assurance', type_6: 'file', obligatoire_6: '1',
  libelle_7: 'Association', type_7: 'text',
  libelle_8: 'Précisions', type_8: 'text',
};

const formNamed = (title: string) => database.db.selectFrom('request_forms').select(['id', 'title', 'description', 'fields']).where('title', '=', title).executeTakeFirst();
const versionOf = (html: string) => /name="version" value="([0-9a-f]{16})"/.exec(html)![1]!;

describe('the démarche builder', () => {
  it('« Ajouter un champ » shows the form again with one more row, everything typed kept, nothing saved', async () => {
    const response = await post('/agent/demarches/formulaires', { commune, titre: 'Salle des fêtes (essai)', ...EIGHT_FIELDS, ligne: 'ajouter' }, staff);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('value="Précisions"');
    // The eight rows typed, one empty after them, and the one asked for.
    expect(html).toContain('name="libelle_10"');
    expect(html).not.toContain('name="libelle_11"');
    expect(html).not.toContain('field__error');
    expect(await formNamed('Salle des fêtes (essai)')).toBeUndefined();
  });

  it('shows the form as families will see it, without creating it', async () => {
    const response = await post('/agent/demarches/formulaires', { commune, titre: 'Salle des fêtes (aperçu)', description: 'Pour un événement familial.', ...EIGHT_FIELDS, apercu: 'voir' }, staff);
    expect(response.status).toBe(200);
    const html = await response.text();
    const preview = html.slice(html.indexOf('id="apercu"'));
    expect(preview).toContain('Salle des fêtes (aperçu)');
    expect(preview).toContain('Mairie de Aiguilhe');
    expect(preview).toMatch(/<label for="apercu_champ_3">Salle/);
    expect(preview).toContain('<option value="Petite salle">Petite salle</option>');
    expect(preview).toMatch(/<input id="apercu_champ_6"[^>]*type="file"/);
    expect(await formNamed('Salle des fêtes (aperçu)')).toBeUndefined();
  });

  it('marks only the field in error, keeping every row typed', async () => {
    const response = await post('/agent/demarches/formulaires', { commune, titre: 'Salle des fêtes', ...EIGHT_FIELDS, choix_5: 'Oui' }, staff);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('id="choix_5-error"');
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(1);
    expect(html).not.toContain('class="field field--error" aria-describedby="champs-hint"');
    expect(html).toContain('value="Association"');
    expect(await formNamed('Salle des fêtes')).toBeUndefined();
  });

  it('creates a form of eight fields, then edits it while no family answered it', async () => {
    expect((await post('/agent/demarches/formulaires', { commune, titre: 'Salle des fêtes', ...EIGHT_FIELDS }, staff)).status).toBe(303);
    const created = (await formNamed('Salle des fêtes'))!;
    expect(readRequestFields(created.fields).map((f) => f.label)).toEqual(Object.keys(EIGHT_FIELDS).filter((k) => k.startsWith('libelle_')).map((k) => EIGHT_FIELDS[k]));

    const page = await (await get(`/agent/demarches/formulaires/${created.id}`, staff)).text();
    expect(page).toContain('value="Attestation d’assurance"');
    expect(page).toContain('id="apercu"');
    const edited = await post(`/agent/demarches/formulaires/${created.id}`, { version: versionOf(page), titre: 'Salle des fêtes', description: 'Réservez la salle.', ...EIGHT_FIELDS, libelle_9: 'Téléphone', type_9: 'text', obligatoire_9: '1' }, staff);
    expect(edited.status).toBe(303);
    const after = (await formNamed('Salle des fêtes'))!;
    expect(after.description).toBe('Réservez la salle.');
    expect(readRequestFields(after.fields)).toHaveLength(9);
    expect(await database.db.selectFrom('audit_log').select('action').where('action', '=', 'request-form.updated').execute()).toHaveLength(1);

    // A page shown before that change sends an old version: nothing is overwritten.
    const stale = await post(`/agent/demarches/formulaires/${created.id}`, { version: versionOf(page), titre: 'Autre titre', ...EIGHT_FIELDS }, staff);
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Ce formulaire a changé depuis que vous l&#39;avez ouvert');
    expect((await formNamed('Salle des fêtes'))!.description).toBe('Réservez la salle.');
  });

  it('keeps the fields of a form a family answered, saying why; its title and presentation still change', async () => {
    const form = (await formNamed('Salle des fêtes'))!;
    const before = await (await get(`/agent/demarches/formulaires/${form.id}`, staff)).text();
    const family = await createParent(database.db, 'salle@example.fr', { status: 'validated', commune: 'aiguilhe' });
    await database.db.insertInto('online_requests').values({ form_id: form.id, user_id: family.id, answers: JSON.stringify({ champ_1: 'Dupont' }) }).execute();

    // Answered since the page was shown: refused as it is now.
    const late = await post(`/agent/demarches/formulaires/${form.id}`, { version: versionOf(before), titre: 'Salle des fêtes', ...EIGHT_FIELDS }, staff);
    expect(late.status).toBe(409);
    expect(readRequestFields((await formNamed('Salle des fêtes'))!.fields)).toHaveLength(9);

    const page = await (await get(`/agent/demarches/formulaires/${form.id}`, staff)).text();
    expect(page).toContain('Des familles ont déjà répondu à ce formulaire : ses champs ne changent plus');
    expect(page).not.toContain('name="libelle_1"');
    // Rows posted anyway change nothing of the fields.
    const saved = await post(`/agent/demarches/formulaires/${form.id}`, { version: versionOf(page), titre: 'Location de la salle des fêtes', description: '', libelle_1: 'Autre question', type_1: 'text' }, staff);
    expect(saved.status).toBe(303);
    const after = (await formNamed('Location de la salle des fêtes'))!;
    expect(readRequestFields(after.fields)).toEqual(readRequestFields(form.fields));
  });

  it("refuses another commune's staff its forms' pages and edits", async () => {
    const form = (await formNamed('Location de la salle des fêtes'))!;
    expect((await get(`/agent/demarches/formulaires/${form.id}`, outsider)).status).toBe(403);
    expect((await post(`/agent/demarches/formulaires/${form.id}`, { version: '0123456789abcdef', titre: 'Intrus' }, outsider)).status).toBe(403);
    expect(await (await get('/agent/demarches/formulaires', outsider)).text()).not.toContain(`/agent/demarches/formulaires/${form.id}"`);
    const preview = await post('/agent/demarches/formulaires', { commune, titre: 'Intrus', ...EIGHT_FIELDS, apercu: 'voir' }, outsider);
    expect(preview.status).toBe(400);
    expect(await preview.text()).toContain('Cette commune n&#39;est pas des vôtres.');
    expect((await formNamed('Location de la salle des fêtes'))!.id).toBe(form.id);
  });
});
