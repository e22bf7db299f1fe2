// The child's file, family side, through the Hono app: the fiche sanitaire (versions, PAI), the
// persons to call or who may collect the child, the authorisations of a school year, the log of
// changes; another family's child answers 404, staff 403, and bad input changes nothing.
import { describe, expect, it } from 'vitest';
import { authorisationYears } from '../../domain/child-file.ts';
import { addDays, formatShortDate } from '../../domain/dates.ts';
import { waitingCounts } from '../../db/queries/dashboard/dashboard.ts';
import { documentsToReview } from '../../db/queries/documents/index.ts';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { testToday } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { PNG_1X1 } from '../../test/fixtures/files.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

/** A validated family named Marc Pardon with one child born `years` years before today. */
async function family(email: string, years = 10) {
  const user = await createParent(database.db, email, { status: 'validated' });
  await database.db.updateTable('users').set({ first_name: 'Marc', last_name: 'Pardon' }).where('id', '=', user.id).execute();
  const child = await database.db
    .insertInto('dependants')
    .values({ guardian_id: user.id, first_name: 'Jérémy', last_name: 'Girard', birth_date: addDays(testToday(), -Math.round(years * 365.25) - 3), relationship: 'enfant' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { user, childId: child.id, cookie: await login(app(), email) };
}

const health = {
  allergies: 'Arachides',
  has_pai: 'non',
  treatments: '',
  dtp_last_on: addDays(testToday(), -400),
  vaccinations: 'ROR',
  doctor_name: 'Dr Martin',
  doctor_phone: '04 71 09 12 34',
  insurance_name: 'CPAM de la Haute-Loire',
  insurance_number: '1 18 05 43 157 002 12',
  notes: '',
};

function multipart(path: string, cookie: string, fields: [string, string | File][]) {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  return app().request(path, { method: 'POST', body, headers: { Cookie: cookie, Origin: TEST_ORIGIN } });
}

const records = (childId: number) => database.db.selectFrom('child_health_records').selectAll().where('dependant_id', '=', childId).orderBy('version').execute();
const changes = (childId: number) => database.db.selectFrom('child_file_changes').selectAll().where('dependant_id', '=', childId).orderBy('id').execute();

describe('the fiche sanitaire', () => {
  it('saves a version per change, none for an unchanged save, and shows who changed it', async () => {
    const { childId, cookie } = await family('sante@example.fr');
    expect(await (await get(`/mon-compte/filiations`, cookie)).text()).toContain(`/mon-compte/enfants/${childId}`);
    expect((await get(`/mon-compte/enfants/${childId}/sante`, cookie)).status).toBe(200);
    const saved = await postForm(app(), `/mon-compte/enfants/${childId}/sante`, { ...health, diets: 'sans-porc' }, { Cookie: cookie });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/mon-compte/enfants/${childId}?ok=sante`);
    const again = await postForm(app(), `/mon-compte/enfants/${childId}/sante`, { ...health, diets: 'sans-porc' }, { Cookie: cookie });
    expect(again.headers.get('location')).toBe(`/mon-compte/enfants/${childId}?ok=sante-inchangee`);
    expect((await postForm(app(), `/mon-compte/enfants/${childId}/sante`, { ...health, allergies: 'Arachides, kiwi' }, { Cookie: cookie })).status).toBe(303);
    const versions = await records(childId);
    expect(versions.map((r) => [r.version, r.allergies, r.diets])).toEqual([[1, 'Arachides', ['sans-porc']], [2, 'Arachides, kiwi', []]]);
    expect((await changes(childId)).map((c) => [c.section, c.summary])).toEqual([
      ['health', 'Fiche sanitaire mise à jour (version 1)'],
      ['health', 'Fiche sanitaire relue, sans changement (version 1)'],
      ['health', 'Fiche sanitaire mise à jour (version 2)'],
    ]);
    const page = await (await get(`/mon-compte/enfants/${childId}`, cookie)).text();
    expect(page).toContain('Arachides, kiwi');
    expect(page).toContain(formatShortDate(health.dtp_last_on));
    expect(page).toMatch(/Fiche sanitaire mise à jour \(version 2\) — Marc Pardon, le \d+ \S+ à \d+ h/);
  });

  it.each([
    [{ has_pai: '' }, 'Indiquez si l&#39;enfant a un PAI.'],
    [{ dtp_last_on: addDays(testToday(), 1) }, 'ne peut pas être dans le futur'],
    [{ dtp_last_on: '2019-02-30' }, 'n&#39;est pas une date valide'],
    [{ doctor_phone: '12345' }, 'numéro français'],
    [{ diets: 'sans-brocoli' }, 'Choisissez parmi les régimes proposés'],
    [{ has_pai: 'oui' }, 'Joignez le document du PAI'],
    [{ allergies: 'x'.repeat(501) }, '500 caractères au maximum.'],
  ])('refuses %o next to the field, keeps what was typed and writes nothing', async (override, message) => {
    const { childId, cookie } = await family(`sante-${Math.random()}@example.fr`);
    const response = await postForm(app(), `/mon-compte/enfants/${childId}/sante`, { ...health, ...override }, { Cookie: cookie });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(message);
    expect(html).toContain('CPAM de la Haute-Loire');
    expect(await records(childId)).toEqual([]);
    expect(await changes(childId)).toEqual([]);
  });

  it('asks again for the PAI document the browser dropped with a page refused for another field', async () => {
    const { childId, cookie } = await family('pai-encore@example.fr');
    const pai = new File([PNG_1X1], 'pai.png', { type: 'image/png' });
    const fields = Object.entries({ ...health, has_pai: 'oui', doctor_phone: '04 71' });
    const refused = await multipart(`/mon-compte/enfants/${childId}/sante`, cookie, [...fields, ['pai_document', pai]]);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('numéro français');
    expect(html).toContain('Choisissez à nouveau le document du PAI');
    expect(await records(childId)).toEqual([]);
  });

  it('shows the doctor’s phone and the insurance number even without their names', async () => {
    const { childId, cookie } = await family('sans-nom@example.fr');
    const sent = { ...health, doctor_name: '', insurance_name: '' };
    expect((await postForm(app(), `/mon-compte/enfants/${childId}/sante`, sent, { Cookie: cookie })).status).toBe(303);
    const page = await (await get(`/mon-compte/enfants/${childId}`, cookie)).text();
    expect(page).toContain(`<dd>${health.doctor_phone}</dd>`);
    expect(page).toContain(`<dd>n° ${health.insurance_number}</dd>`);
  });

  it('keeps the PAI as a document of its own kind that staff never get to decide', async () => {
    const { user, childId, cookie } = await family('pai@example.fr');
    await database.db.updateTable('users').set({ status: 'pending' }).where('id', '=', user.id).execute();
    const pai = new File([PNG_1X1], 'pai.png', { type: 'image/png' });
    const fields = Object.entries({ ...health, has_pai: 'oui' }).concat([['diets', 'pai-panier']]);
    const sent = await multipart(`/mon-compte/enfants/${childId}/sante`, cookie, [...fields, ['pai_document', pai]]);
    expect(sent.status).toBe(303);
    const [record] = await records(childId);
    const document = await database.db.selectFrom('documents').selectAll().where('id', '=', record!.pai_document_id!).executeTakeFirstOrThrow();
    expect([document.kind, document.owner_id, document.status]).toEqual(['pai', user.id, 'pending']);
    const commune = await database.db.selectFrom('users').select('commune_id').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(await documentsToReview(database.db, [commune.commune_id!])).toEqual([]);
    expect((await waitingCounts(database.db, [commune.commune_id!])).documents).toBe(0);
    await createStaff(database.db, 'agent.pai@rosieres.fr', ['rosieres']);
    const staff = await login(app(), 'agent.pai@rosieres.fr');
    expect(await (await get(`/agent/familles/${user.id}`, staff)).text()).not.toContain('pai.png');
    expect((await get(`/agent/documents/${document.id}`, staff)).status).toBe(403);
    // Nobody will decide it: the family's list does not say it waits.
    const listed = await (await get('/mon-compte/documents', cookie)).text();
    expect(listed).toContain('Jointe à la fiche sanitaire');
    expect(listed).not.toContain('En attente');
    // Saved again without a file, the PAI kept is the one sent.
    expect((await multipart(`/mon-compte/enfants/${childId}/sante`, cookie, [...fields, ['notes', 'Panier le mercredi']])).status).toBe(303);
    expect((await records(childId)).map((r) => r.pai_document_id)).toEqual([document.id, document.id]);
    expect(await (await get(`/mon-compte/enfants/${childId}`, cookie)).text()).toContain(`/mon-compte/enfants/${childId}/pai`);
    expect((await get(`/mon-compte/enfants/${childId}/pai`, cookie)).headers.get('content-type')).toBe('image/png');
  });

  it("opens the PAI for the second guardian, who did not upload it, and for no other family once the sharing ends", async () => {
    const { user, childId, cookie } = await family('pai-premier@example.fr');
    const second = await family('pai-second@example.fr');
    await database.db.updateTable('dependants').set({ co_guardian_id: second.user.id }).where('id', '=', childId).execute();
    const pai = new File([PNG_1X1], 'pai.png', { type: 'image/png' });
    const fields = Object.entries({ ...health, has_pai: 'oui' });
    expect((await multipart(`/mon-compte/enfants/${childId}/sante`, cookie, [...fields, ['pai_document', pai]])).status).toBe(303);
    const [record] = await records(childId);
    expect(await database.db.selectFrom('documents').select('owner_id').where('id', '=', record!.pai_document_id!).executeTakeFirstOrThrow()).toEqual({ owner_id: user.id });
    // The link the second guardian's file page shows opens the document.
    const link = /href="([^"]*)">voir le document</.exec(await (await get(`/mon-compte/enfants/${childId}`, second.cookie)).text())?.[1];
    expect(link).toBe(`/mon-compte/enfants/${childId}/pai`);
    const opened = await get(link!, second.cookie);
    expect(opened.status).toBe(200);
    expect(new Uint8Array(await opened.arrayBuffer())).toEqual(new Uint8Array(PNG_1X1));

    await database.db.updateTable('dependants').set({ co_guardian_id: null }).where('id', '=', childId).execute();
    expect((await get(`/mon-compte/enfants/${childId}/pai`, second.cookie)).status).toBe(404);
    // Saved without a PAI, the old document is no longer the child's to open.
    expect((await multipart(`/mon-compte/enfants/${childId}/sante`, cookie, Object.entries(health))).status).toBe(303);
    expect((await get(`/mon-compte/enfants/${childId}/pai`, cookie)).status).toBe(404);
  });
});

describe('the persons to call and who may collect the child', () => {
  const person = { contact: '', first_name: 'Josiane', last_name: 'Girard', phone: '06 11 22 33 44', relationship: 'grand-mère', roles: 'recuperation' };

  it('adds, changes and removes a person, each change logged', async () => {
    const { childId, cookie } = await family('contacts@example.fr');
    const path = `/mon-compte/enfants/${childId}/contacts`;
    expect((await postForm(app(), path, person, { Cookie: cookie })).headers.get('location')).toBe(`${path}?ok=ajout`);
    const [added] = await database.db.selectFrom('child_contacts').selectAll().where('dependant_id', '=', childId).execute();
    expect([added!.may_collect, added!.is_emergency]).toEqual([true, false]);
    expect(await (await get(`${path}?modifier=${added!.id}`, cookie)).text()).toContain('value="Josiane"');
    const body = new URLSearchParams({ ...person, contact: String(added!.id) });
    body.append('roles', 'urgence');
    const changed = await app().request(path, { method: 'POST', body: body.toString(), headers: { Cookie: cookie, Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(changed.headers.get('location')).toBe(`${path}?ok=modif`);
    const after = await database.db.selectFrom('child_contacts').selectAll().where('id', '=', added!.id).executeTakeFirstOrThrow();
    expect([after.may_collect, after.is_emergency]).toEqual([true, true]);
    expect((await postForm(app(), `${path}/retirer`, { contact: String(added!.id) }, { Cookie: cookie })).headers.get('location')).toBe(`${path}?ok=retrait`);
    expect((await database.db.selectFrom('child_contacts').select('removed_at').where('id', '=', added!.id).executeTakeFirstOrThrow()).removed_at).not.toBeNull();
    expect((await changes(childId)).map((c) => c.summary)).toEqual([
      'Personne ajoutée : Josiane Girard (grand-mère), peut venir chercher l’enfant',
      'Personne modifiée : Josiane Girard (grand-mère), à prévenir, peut venir chercher l’enfant',
      'Personne retirée : Josiane Girard (grand-mère)',
    ]);
    expect(await (await get(`/mon-compte/enfants/${childId}`, cookie)).text()).toContain('Personne retirée : Josiane Girard (grand-mère) — Marc Pardon');
  });

  it.each([
    [{ roles: '' }, 'Cochez au moins un rôle'],
    [{ phone: '01 23' }, 'numéro français'],
    [{ first_name: '' }, 'Indiquez le prénom.'],
    [{ relationship: '' }, 'Indiquez le lien'],
    [{ contact: '999999' }, "n&#39;est plus sur la fiche"],
  ])('refuses %o and writes nothing', async (override, message) => {
    const { childId, cookie } = await family(`contact-${Math.random()}@example.fr`);
    const response = await postForm(app(), `/mon-compte/enfants/${childId}/contacts`, { ...person, ...override }, { Cookie: cookie });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    expect(await database.db.selectFrom('child_contacts').select('id').where('dependant_id', '=', childId).execute()).toEqual([]);
    expect(await changes(childId)).toEqual([]);
  });
});

describe('the authorisations', () => {
  const all = { 'photo-video': 'oui', transport: 'oui', 'emergency-care': 'oui' };

  it('records each answer with its date and who gave it, the days of going home alone from 8 years', async () => {
    const { childId, cookie } = await family('autorisations@example.fr', 10);
    const [year] = authorisationYears(testToday()) as [string];
    const body = new URLSearchParams({ annee: year, ...all, 'home-alone': 'oui', jours: '1' });
    body.append('jours', '4');
    const sent = await app().request(`/mon-compte/enfants/${childId}/autorisations`, { method: 'POST', body: body.toString(), headers: { Cookie: cookie, Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(sent.status).toBe(303);
    const rows = await database.db.selectFrom('child_authorisations').selectAll().where('dependant_id', '=', childId).orderBy('kind').execute();
    expect(rows.map((r) => [r.kind, r.granted, r.weekdays, r.school_year])).toEqual([
      ['emergency-care', true, null, year],
      ['home-alone', true, [1, 4], year],
      ['photo-video', true, null, year],
      ['transport', true, null, year],
    ]);
    const page = await (await get(`/mon-compte/enfants/${childId}`, cookie)).text();
    expect(page).toContain('Oui (lundi, jeudi)');
    expect(page).toContain('par Marc Pardon');
    // The same answers again write nothing; one withdrawn writes one change.
    await postForm(app(), `/mon-compte/enfants/${childId}/autorisations`, { annee: year, ...all, 'home-alone': 'oui', jours: '1' }, { Cookie: cookie });
    expect((await changes(childId)).at(-1)!.summary).toBe(`Rentrer seul pour ${year} : oui (lundi)`);
    const unchanged = await postForm(app(), `/mon-compte/enfants/${childId}/autorisations`, { annee: year, ...all, 'home-alone': 'oui', jours: '1' }, { Cookie: cookie });
    expect(unchanged.headers.get('location')).toContain('autorisations-inchangees');
    expect(await changes(childId)).toHaveLength(5);
  });

  it.each([
    [5, { 'home-alone': 'oui', jours: '3' }, 'à partir de 8 ans'],
    [10, { 'home-alone': 'oui' }, 'Cochez les jours'],
    [10, { 'home-alone': '' }, 'Répondez oui ou non pour « Rentrer seul ».'],
    [10, { 'home-alone': 'non', annee: '2001-2002' }, "n&#39;est pas ouverte aux autorisations"],
  ])('a child of %i years: refuses %o and writes nothing', async (years, override, message) => {
    const { childId, cookie } = await family(`refus-${Math.random()}@example.fr`, years);
    const [year] = authorisationYears(testToday()) as [string];
    const response = await postForm(app(), `/mon-compte/enfants/${childId}/autorisations`, { annee: year, ...all, ...override }, { Cookie: cookie });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    expect(await database.db.selectFrom('child_authorisations').select('id').where('dependant_id', '=', childId).execute()).toEqual([]);
  });
});

describe('access', () => {
  it("answers 404 for another family's child or a removed one, and 403 to staff, changing nothing", async () => {
    const a = await family('famille-a@example.fr');
    const b = await family('famille-b@example.fr');
    await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
    const staff = await login(app(), 'agent@rosieres.fr');
    const [year] = authorisationYears(testToday()) as [string];
    for (const page of ['', '/sante', '/pai', '/contacts', '/autorisations']) {
      expect((await get(`/mon-compte/enfants/${a.childId}${page}`, b.cookie)).status).toBe(404);
      expect((await get(`/mon-compte/enfants/${a.childId}${page}`, staff)).status).toBe(403);
    }
    const posts: [string, Record<string, string>][] = [
      ['/sante', health],
      ['/contacts', { first_name: 'Pirate', last_name: 'X', phone: '06 11 22 33 44', relationship: 'ami', roles: 'recuperation' }],
      ['/autorisations', { annee: year, 'photo-video': 'oui', 'home-alone': 'non', transport: 'oui', 'emergency-care': 'oui' }],
    ];
    for (const [page, fields] of posts) {
      expect((await postForm(app(), `/mon-compte/enfants/${a.childId}${page}`, fields, { Cookie: b.cookie })).status).toBe(404);
      expect((await postForm(app(), `/mon-compte/enfants/${a.childId}${page}`, fields, { Cookie: staff })).status).toBe(403);
    }
    // A's person is out of B's reach even through B's own child.
    await postForm(app(), `/mon-compte/enfants/${a.childId}/contacts`, posts[1]![1], { Cookie: a.cookie });
    const [contact] = await database.db.selectFrom('child_contacts').select('id').where('dependant_id', '=', a.childId).execute();
    expect((await postForm(app(), `/mon-compte/enfants/${b.childId}/contacts/retirer`, { contact: String(contact!.id) }, { Cookie: b.cookie })).status).toBe(400);
    expect(await changes(b.childId)).toEqual([]);
    expect(await records(a.childId)).toEqual([]);

    await database.db.updateTable('dependants').set({ removed_at: new Date(0) }).where('id', '=', a.childId).execute();
    expect((await get(`/mon-compte/enfants/${a.childId}`, a.cookie)).status).toBe(404);
    expect((await postForm(app(), `/mon-compte/enfants/${a.childId}/sante`, health, { Cookie: a.cookie })).status).toBe(404);
  });
});
