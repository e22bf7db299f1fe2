// « Démarches en ligne » end to end through the app, with a worker of the real app running each
// request-<id> workflow: staff build and publish a form; a family fills it in with a file; staff
// ask for more, the family replies, staff accept; each side sees the same story; bad input is
// refused next to its field; nothing is seen or changed from another commune or family.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { ELF_EXECUTABLE, PNG_1X1 } from '../../test/fixtures/files.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db } });
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
const get = (path: string, cookie = '') => app().request(path, { headers: cookie ? { Cookie: cookie } : {} });

let staff: string;
let outsider: string;
let parent: string;
let neighbour: string;
let formId: number;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  await createStaff(database.db, 'agent@aiguilhe.fr', ['aiguilhe']);
  await createStaff(database.db, 'agent@bains.fr', ['bains']);
  await createParent(database.db, 'famille@example.fr', { status: 'validated', commune: 'aiguilhe' });
  await createParent(database.db, 'voisin@example.fr', { status: 'validated', commune: 'aiguilhe' });
  staff = await login(app(), 'agent@aiguilhe.fr');
  outsider = await login(app(), 'agent@bains.fr');
  parent = await login(app(), 'famille@example.fr');
  neighbour = await login(app(), 'voisin@example.fr');
});

const aiguilhe = async () => String((await database.db.selectFrom('communes').select('id').where('slug', '=', 'aiguilhe').executeTakeFirstOrThrow()).id);

function submit(fields: Record<string, string | File>, cookie = parent, path = `/demarches/${formId}`) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return app().request(path, { method: 'POST', body, headers: { Cookie: cookie, Origin: TEST_ORIGIN } });
}

async function waitForStatus(id: number, status: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if ((await database.db.selectFrom('online_requests').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the request never became ${status}`);
}

describe('démarches en ligne', () => {
  it('staff build a form: refused without fields or with a choice of one answer, keeping what was typed; created unpublished', async () => {
    const commune = await aiguilhe();
    const none = await postForm(app(), '/agent/demarches/formulaires', { commune, titre: 'Salle des fêtes', libelle_1: '' }, { Cookie: staff });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Indiquez au moins un champ avec son libellé.');
    const oneChoice = await postForm(app(), '/agent/demarches/formulaires', { commune, titre: 'Salle des fêtes', libelle_1: 'Salle', type_1: 'choice', choix_1: 'Grande' }, { Cookie: staff });
    const html = await oneChoice.text();
    expect(html).toContain('De 2 à 20 réponses (80 caractères au plus chacune)');
    expect(html).toContain('id="choix_1-error"');
    expect(html).toContain('value="Salle des fêtes"');
    const foreign = await postForm(app(), '/agent/demarches/formulaires', { commune, titre: 'Intrus', libelle_1: 'Nom', type_1: 'text' }, { Cookie: outsider });
    expect(await foreign.text()).toContain("Cette commune n&#39;est pas des vôtres.");

    const created = await postForm(
      app(),
      '/agent/demarches/formulaires',
      {
        commune, titre: 'Réservation de la salle des fêtes', description: 'Pour un événement familial.',
        libelle_1: 'Date de l’événement', type_1: 'date', obligatoire_1: '1',
        libelle_2: 'Salle', type_2: 'choice', choix_2: 'Grande salle; Petite salle', obligatoire_2: '1',
        libelle_3: 'Attestation d’assurance', type_3: 'file', obligatoire_3: '1',
        libelle_4: 'Précisions', type_4: 'text',
      },
      { Cookie: staff },
    );
    expect(created.status).toBe(303);
    formId = (await database.db.selectFrom('request_forms').select('id').where('title', '=', 'Réservation de la salle des fêtes').executeTakeFirstOrThrow()).id;
    expect((await get(`/demarches/${formId}`)).status).toBe(404);
    expect((await postForm(app(), `/agent/demarches/formulaires/${formId}/publication`, {}, { Cookie: outsider })).status).toBe(403);
    expect((await postForm(app(), `/agent/demarches/formulaires/${formId}/publication`, {}, { Cookie: staff })).status).toBe(303);
    expect(await (await get('/categories/demarches-en-ligne')).text()).toContain(`href="/demarches/${formId}"`);
  });

  it('refuses a request with a missing answer, an answer outside the choices or a file that is no PDF, JPEG or PNG, storing nothing', async () => {
    const anonymous = await (await get(`/demarches/${formId}`)).text();
    expect(anonymous).toContain(`/connexion?retour=${encodeURIComponent(`/demarches/${formId}`)}`);
    const response = await submit({ champ_1: '', champ_2: 'Salle du château', champ_3: new File([ELF_EXECUTABLE as Uint8Array<ArrayBuffer>], 'virus.pdf'), champ_4: 'Anniversaire' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Renseignez « Date de l’événement ».');
    expect(html).toContain('Choisissez une des réponses proposées.');
    expect(html).toContain("Ce fichier n&#39;est ni un PDF, ni une image JPEG ou PNG.");
    expect(html).toContain('>Anniversaire</textarea>');
    expect(await database.db.selectFrom('online_requests').select('id').execute()).toEqual([]);
    expect(await database.db.selectFrom('documents').select('id').execute()).toEqual([]);
  });

  it('goes from the family to staff and back: asked for more, completed, accepted, each side seeing the same story', async () => {
    const sent = await submit({ champ_1: '2027-03-13', champ_2: 'Petite salle', champ_3: new File([PNG_1X1 as Uint8Array<ArrayBuffer>], 'assurance.png', { type: 'image/png' }), champ_4: '' });
    expect(sent.status).toBe(303);
    const id = Number(/\/mon-compte\/demarches\/(\d+)/.exec(sent.headers.get('location')!)![1]);
    expect(await (await get('/mon-compte/demarches', parent)).text()).toContain('En attente de la mairie');
    expect((await database.db.selectFrom('outbox_mails').select('subject').where('recipient', '=', 'famille@example.fr').executeTakeFirstOrThrow()).subject).toBe(
      'Demande reçue : Réservation de la salle des fêtes',
    );

    // Staff see it first in their queue; another commune's staff and another family see nothing.
    expect(await (await get('/agent/demarches', staff)).text()).toContain(`href="/agent/demarches/${id}"`);
    expect(await (await get('/agent/demarches', outsider)).text()).not.toContain(`/agent/demarches/${id}"`);
    expect((await get(`/agent/demarches/${id}`, outsider)).status).toBe(403);
    expect((await get(`/mon-compte/demarches/${id}`, neighbour)).status).toBe(404);
    const detail = await (await get(`/agent/demarches/${id}`, staff)).text();
    expect(detail).toContain('13-03-2027');
    const file = Number(/\/agent\/demarches\/pieces\/(\d+)/.exec(detail)![1]);
    expect((await get(`/agent/demarches/pieces/${file}`, staff)).headers.get('content-type')).toBe('image/png');
    expect((await get(`/agent/demarches/pieces/${file}`, outsider)).status).toBe(403);

    const silent = await postForm(app(), `/agent/demarches/${id}/decision`, { decision: 'completer', message: '' }, { Cookie: staff });
    expect(await silent.text()).toContain('Dites à la famille pourquoi, ou ce qui manque');
    expect((await postForm(app(), `/agent/demarches/${id}/decision`, { decision: 'completer', message: 'L’attestation doit couvrir la date.' }, { Cookie: outsider })).status).toBe(403);
    expect((await postForm(app(), `/agent/demarches/${id}/decision`, { decision: 'completer', message: 'L’attestation doit couvrir la date.' }, { Cookie: staff })).status).toBe(303);
    await waitForStatus(id, 'documents-requested');

    const page = await (await get(`/mon-compte/demarches/${id}`, parent)).text();
    expect(page).toContain('L’attestation doit couvrir la date.');
    const empty = await submit({ message: ' ' }, parent, `/mon-compte/demarches/${id}/reponse`);
    expect(await empty.text()).toContain('Écrivez votre réponse');
    const replied = await submit({ message: 'Voici la bonne attestation.', fichier: new File([PNG_1X1 as Uint8Array<ArrayBuffer>], 'assurance-2027.png', { type: 'image/png' }) }, parent, `/mon-compte/demarches/${id}/reponse`);
    expect(replied.status).toBe(303);
    await waitForStatus(id, 'waiting-staff');

    expect((await postForm(app(), `/agent/demarches/${id}/decision`, { decision: 'accepter', message: 'La clé est à retirer le vendredi.' }, { Cookie: staff })).status).toBe(303);
    await waitForStatus(id, 'approved');
    const story = await (await get(`/mon-compte/demarches/${id}`, parent)).text();
    expect(story).toContain('Acceptée');
    expect(story).toContain('assurance-2027.png');
    expect(story.indexOf('L’attestation doit couvrir la date.')).toBeLessThan(story.indexOf('Voici la bonne attestation.'));
    expect(story.indexOf('Voici la bonne attestation.')).toBeLessThan(story.indexOf('La clé est à retirer le vendredi.'));
    const late = await submit({ message: 'Encore une chose.' }, parent, `/mon-compte/demarches/${id}/reponse`);
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('Cette demande n&#39;attend pas de réponse de votre part.');
    const audit = await database.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'request').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['request.documents-requested', 'request.approved']);
    const journal = await (await get('/agent/journal?action=request', staff)).text();
    expect(journal).toContain('Démarche acceptée');
    expect(journal).toContain('Aiguilhe');
    expect(journal).not.toContain('Formulaire de démarche créé');
    expect(await (await get('/agent/journal?action=request', outsider)).text()).not.toContain('Démarche acceptée');
  });
});
