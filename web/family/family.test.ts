// "Mes filiations", "Mes adresses" and "Mes informations personnelles" through the Hono app.
import { describe, expect, it } from 'vitest';
import { createParent, login, PASSWORD } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db, now: () => now() } });
const now = () => new Date('2026-11-27T10:00:00Z');


const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue, now });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });
const child = { first_name: 'Jérémy', last_name: 'Girard', birth_date: '2018-05-12', relationship: 'enfant' };

async function family(email: string) {
  const user = await createParent(database.db, email, { status: 'validated' });
  return { user, cookie: await login(app(), email) };
}

describe('Mes filiations', () => {
  it('adds a child with another last name, lists it, and edits it', async () => {
    const { user, cookie } = await family('pardon@example.fr');
    const added = await postForm(app(), '/mon-compte/filiations', child, { Cookie: cookie });
    expect(added.status).toBe(303);
    const list = await (await get('/mon-compte/filiations?ok=ajout', cookie)).text();
    expect(list).toContain('La personne a été ajoutée.');
    expect(list).toContain('Jérémy Girard');
    expect(list).toContain('12-05-2018');
    // Health and the persons allowed live in the child's file, never in this form.
    expect(list).not.toContain('name="notes"');
    expect(list).toContain(`href="/mon-compte/enfants/`);
    const [row] = await database.db.selectFrom('dependants').selectAll().where('guardian_id', '=', user.id).execute();
    const edited = await postForm(app(), `/mon-compte/filiations/${row!.id}`, { ...child, first_name: 'Jérémie' }, { Cookie: cookie });
    expect(edited.status).toBe(303);
    expect((await database.db.selectFrom('dependants').select('first_name').where('id', '=', row!.id).executeTakeFirstOrThrow()).first_name).toBe('Jérémie');
  });

  it.each([
    [{ first_name: '' }, 'Indiquez le prénom.'],
    [{ last_name: 'x'.repeat(61) }, '60 caractères au maximum.'],
    [{ birth_date: '2027-01-01' }, 'La date de naissance doit être dans le passé.'],
    [{ birth_date: '1880-01-01' }, 'La date de naissance semble erronée (plus de 120 ans).'],
    [{ birth_date: '2019-02-30' }, 'La date de naissance n&#39;est pas une date valide.'],
    [{ relationship: 'cousin' }, 'Choisissez le lien.'],
  ])('refuses %o with a message next to the field and keeps the rest', async (override, message) => {
    const { user, cookie } = await family(`invalide-${Object.keys(override)[0]}-${Math.random()}@example.fr`);
    const response = await postForm(app(), '/mon-compte/filiations', { ...child, ...override }, { Cookie: cookie });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(message);
    expect(html).toContain('first_name' in override ? 'Girard' : 'Jérémy');
    expect(await database.db.selectFrom('dependants').select('id').where('guardian_id', '=', user.id).execute()).toEqual([]);
  });

  it('refuses the same person twice', async () => {
    const { cookie } = await family('doublon@example.fr');
    await postForm(app(), '/mon-compte/filiations', child, { Cookie: cookie });
    const again = await postForm(app(), '/mon-compte/filiations', { ...child, first_name: 'JÉRÉMY' }, { Cookie: cookie });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Cette personne figure déjà dans votre famille.');
  });

  it("never shows nor changes another family's dependant, whatever the id", async () => {
    const a = await family('famille-a@example.fr');
    const b = await family('famille-b@example.fr');
    await postForm(app(), '/mon-compte/filiations', child, { Cookie: a.cookie });
    const [row] = await database.db.selectFrom('dependants').selectAll().where('guardian_id', '=', a.user.id).execute();
    expect((await get(`/mon-compte/filiations/${row!.id}`, b.cookie)).status).toBe(404);
    expect((await postForm(app(), `/mon-compte/filiations/${row!.id}`, { ...child, first_name: 'Pirate' }, { Cookie: b.cookie })).status).toBe(404);
    expect((await postForm(app(), `/mon-compte/filiations/${row!.id}/supprimer`, {}, { Cookie: b.cookie })).status).toBe(404);
    expect(await (await get('/mon-compte/filiations', b.cookie)).text()).not.toContain('Jérémy');
    const still = await database.db.selectFrom('dependants').select('first_name').where('id', '=', row!.id).executeTakeFirstOrThrow();
    expect(still.first_name).toBe('Jérémy');
  });

  it('removes a dependant without bookings', async () => {
    const { user, cookie } = await family('retrait@example.fr');
    await postForm(app(), '/mon-compte/filiations', child, { Cookie: cookie });
    const [row] = await database.db.selectFrom('dependants').selectAll().where('guardian_id', '=', user.id).execute();
    expect((await postForm(app(), `/mon-compte/filiations/${row!.id}/supprimer`, {}, { Cookie: cookie })).headers.get('location')).toBe('/mon-compte/filiations?ok=retrait');
    expect(await database.db.selectFrom('dependants').select('id').where('guardian_id', '=', user.id).execute()).toEqual([]);
  });
});

describe('Mes adresses', () => {
  const home = { label: 'Domicile', line1: '3 rue des Tanneries', line2: '', postal_code: '43000', city: 'Le Puy-en-Velay' };

  it('keeps one default address, moved when it is removed', async () => {
    const { user, cookie } = await family('adresses@example.fr');
    await postForm(app(), '/mon-compte/adresses', home, { Cookie: cookie });
    await postForm(app(), '/mon-compte/adresses', { ...home, label: 'Travail', line1: '1 place du Breuil' }, { Cookie: cookie });
    const rows = () => database.db.selectFrom('addresses').select(['id', 'label', 'is_default']).where('user_id', '=', user.id).orderBy('id').execute();
    const [first, second] = await rows();
    expect([first!.is_default, second!.is_default]).toEqual([true, false]);
    await postForm(app(), `/mon-compte/adresses/${second!.id}/par-defaut`, {}, { Cookie: cookie });
    expect((await rows()).map((r) => r.is_default)).toEqual([false, true]);
    await postForm(app(), `/mon-compte/adresses/${second!.id}/supprimer`, {}, { Cookie: cookie });
    expect(await rows()).toEqual([{ id: first!.id, label: 'Domicile', is_default: true }]);
  });

  it('asks for a 5-digit postal code', async () => {
    const { cookie } = await family('cp@example.fr');
    const response = await postForm(app(), '/mon-compte/adresses', { ...home, postal_code: '4300' }, { Cookie: cookie });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Le code postal doit compter 5 chiffres (exemple : 43000).');
    expect(html).toContain('value="3 rue des Tanneries"');
  });

  it("refuses another family's address", async () => {
    const a = await family('adr-a@example.fr');
    const b = await family('adr-b@example.fr');
    await postForm(app(), '/mon-compte/adresses', home, { Cookie: a.cookie });
    const [row] = await database.db.selectFrom('addresses').select('id').where('user_id', '=', a.user.id).execute();
    for (const path of [`/mon-compte/adresses/${row!.id}`, `/mon-compte/adresses/${row!.id}/par-defaut`, `/mon-compte/adresses/${row!.id}/supprimer`]) {
      expect((await postForm(app(), path, home, { Cookie: b.cookie })).status).toBe(404);
    }
    expect((await get(`/mon-compte/adresses/${row!.id}`, b.cookie)).status).toBe(404);
    expect(await database.db.selectFrom('addresses').select('id').where('id', '=', row!.id).execute()).toHaveLength(1);
  });
});

describe('Mes informations personnelles', () => {
  it('saves names and phone, checked', async () => {
    const { user, cookie } = await family('infos@example.fr');
    const bad = await postForm(app(), '/mon-compte/informations', { first_name: 'Claire', last_name: 'Pardon', phone: '12' }, { Cookie: cookie });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Le numéro de téléphone doit être un numéro français');
    await postForm(app(), '/mon-compte/informations', { first_name: 'Claire', last_name: 'Pardon', phone: '+33 6 12 34 56 78' }, { Cookie: cookie });
    const saved = await database.db.selectFrom('users').select(['first_name', 'phone']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(saved).toEqual({ first_name: 'Claire', phone: '+33 6 12 34 56 78' });
  });

  it('changes the e-mail only after the current password and the link sent to the new address', async () => {
    const { user, cookie } = await family('ancienne@example.fr');
    const wrong = await postForm(app(), '/mon-compte/informations/email', { new_email: 'nouvelle@example.fr', current_password: 'Pas-le-bon-2026' }, { Cookie: cookie });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Le mot de passe actuel est incorrect.');
    const asked = await postForm(app(), '/mon-compte/informations/email', { new_email: 'nouvelle@example.fr', current_password: PASSWORD }, { Cookie: cookie });
    expect(asked.headers.get('location')).toBe('/mon-compte/informations?ok=email');
    expect((await database.db.selectFrom('users').select('email').where('id', '=', user.id).executeTakeFirstOrThrow()).email).toBe('ancienne@example.fr');

    let mail;
    for (let i = 0; i < 100 && !mail; i += 1) {
      mail = await database.db.selectFrom('outbox_mails').selectAll().where('recipient', '=', 'nouvelle@example.fr').executeTakeFirst();
      if (!mail) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const token = /token=([a-z0-9]+)/.exec(mail!.text_body)![1]!;
    const confirmed = await get(`/mon-compte/informations/email/confirmer?token=${token}`, cookie);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('Votre adresse e-mail est désormais nouvelle@example.fr');
    expect((await database.db.selectFrom('users').select('email').where('id', '=', user.id).executeTakeFirstOrThrow()).email).toBe('nouvelle@example.fr');
    expect((await get(`/mon-compte/informations/email/confirmer?token=${token}`, cookie)).status).toBe(410);
  });
});
