// Which family documents staff of a commune may open, through every route that serves one: a
// document of another commune's family never opens, whatever number a request of theirs names.
import { beforeAll, describe, expect, it } from 'vitest';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { PNG_1X1 } from '../../test/fixtures/files.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });
const png = (name: string) => new File([PNG_1X1 as Uint8Array<ArrayBuffer>], name, { type: 'image/png' });

function upload(path: string, fields: Record<string, string | File>, cookie: string) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return app().request(path, { method: 'POST', body, headers: { Cookie: cookie, Origin: TEST_ORIGIN } });
}

let bainsAgent: string;
let rosieresAgent: string;
let rosieresParent: string;
let bainsParent: string;
let formId: number;

beforeAll(async () => {
  await createStaff(database.db, 'agent@bains.fr', ['bains']);
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createParent(database.db, 'parent@rosieres.fr', { status: 'validated', commune: 'rosieres' });
  await createParent(database.db, 'parent@bains.fr', { status: 'validated', commune: 'bains' });
  bainsAgent = await login(app(), 'agent@bains.fr');
  rosieresAgent = await login(app(), 'agent@rosieres.fr');
  rosieresParent = await login(app(), 'parent@rosieres.fr');
  bainsParent = await login(app(), 'parent@bains.fr');
  const bains = (await database.db.selectFrom('communes').select('id').where('slug', '=', 'bains').executeTakeFirstOrThrow()).id;
  const created = await postForm(
    app(),
    '/agent/demarches/formulaires',
    { commune: String(bains), titre: 'Inscription au club', libelle_1: 'Précisions', type_1: 'text', obligatoire_1: '1', libelle_2: 'Certificat', type_2: 'file' },
    { Cookie: bainsAgent },
  );
  expect(created.status).toBe(303);
  formId = (await database.db.selectFrom('request_forms').select('id').where('title', '=', 'Inscription au club').executeTakeFirstOrThrow()).id;
  expect((await postForm(app(), `/agent/demarches/formulaires/${formId}/publication`, {}, { Cookie: bainsAgent })).status).toBe(303);
});

const documentOf = async (email: string, fileName: string) =>
  (await database.db.selectFrom('documents').innerJoin('users', 'users.id', 'documents.owner_id').select('documents.id').where('users.email', '=', email).where('file_name', '=', fileName).executeTakeFirstOrThrow()).id;

describe('staff access to documents', () => {
  it('a Rosières document named in a text answer of a Bains request opens for no Bains route', async () => {
    expect((await upload('/mon-compte/documents', { kind: 'attestation-caf', file: png('caf-rosieres.png') }, rosieresParent)).status).toBe(303);
    const stolen = await documentOf('parent@rosieres.fr', 'caf-rosieres.png');
    expect((await upload(`/demarches/${formId}`, { champ_1: String(stolen) }, bainsParent)).status).toBe(303);

    expect((await get(`/agent/demarches/pieces/${stolen}`, bainsAgent)).status).toBe(403);
    expect((await get(`/agent/documents/${stolen}`, bainsAgent)).status).toBe(403);
    const request = (await database.db.selectFrom('online_requests').select('id').where('form_id', '=', formId).executeTakeFirstOrThrow()).id;
    expect(await (await get(`/agent/demarches/${request}`, bainsAgent)).text()).not.toContain(`/agent/demarches/pieces/${stolen}`);
    // Its own commune's staff still open it, by either route.
    expect((await get(`/agent/documents/${stolen}`, rosieresAgent)).status).toBe(200);
    expect((await get(`/agent/demarches/pieces/${stolen}`, rosieresAgent)).status).toBe(200);
  });

  it('a Rosières family’s file sent with a Bains request opens for Bains staff, not its other documents', async () => {
    expect((await upload('/mon-compte/documents', { kind: 'autre', file: png('livret-rosieres.png') }, rosieresParent)).status).toBe(303);
    const other = await documentOf('parent@rosieres.fr', 'livret-rosieres.png');
    expect((await upload(`/demarches/${formId}`, { champ_1: String(other), champ_2: png('certificat-club.png') }, rosieresParent)).status).toBe(303);
    const sent = await documentOf('parent@rosieres.fr', 'certificat-club.png');
    expect((await get(`/agent/demarches/pieces/${sent}`, bainsAgent)).status).toBe(200);
    expect((await get(`/agent/documents/${sent}`, bainsAgent)).status).toBe(200);
    expect((await get(`/agent/demarches/pieces/${other}`, bainsAgent)).status).toBe(403);
    expect((await get(`/agent/documents/${other}`, bainsAgent)).status).toBe(403);
  });
});
