// "Mon compte" and the supporting documents: content checks, size limit, ownership, and the
// account's validation workflow told of each new document.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderStore, type DocumentStore } from '../../lib/documents/store.ts';
import { DOCUMENT_QUOTA } from '../../db/queries/family/families.ts';
import { createParent, login } from '../../test/helpers/accounts.ts';
import { createTestApp, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { ELF_EXECUTABLE, MINIMAL_PDF, PNG_1X1 } from '../../test/fixtures/files.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { accountValidationWorkflowId, approvalState } from '../../workflows/approvals/approval.messages.ts';
import { testNow } from '../../test/helpers/clock.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db } });
let folder: string;
let store: DocumentStore;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'citoyens-docs-'));
  store = createFolderStore(folder);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue, documents: store });

function upload(cookie: string, kind: string, file: { name: string; bytes: Uint8Array; type: string } | null) {
  const form = new FormData();
  form.set('kind', kind);
  if (file) form.set('file', new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }));
  return app().request('/mon-compte/documents', { method: 'POST', body: form, headers: { Cookie: cookie, Origin: TEST_ORIGIN } });
}

const documentsOf = (ownerId: number) => database.db.selectFrom('documents').selectAll().where('owner_id', '=', ownerId).execute();

describe('supporting documents', () => {
  it('accepts a PNG, stores it under a random key and tells the account workflow', async () => {
    const parent = await createParent(database.db, 'png@example.fr');
    const cookie = await login(app(), parent.email);
    const response = await upload(cookie, 'justificatif-domicile', { name: 'facture edf.png', bytes: PNG_1X1, type: 'image/png' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/mon-compte/documents?depose=1');
    const [document] = await documentsOf(parent.id);
    expect(document).toMatchObject({ kind: 'justificatif-domicile', file_name: 'facture edf.png', mime_type: 'image/png', size_bytes: PNG_1X1.length, status: 'pending' });
    expect(document!.storage_key).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.get(document!.storage_key)).toEqual(PNG_1X1);

    const state = await temporal.client.workflow.getHandle(accountValidationWorkflowId(parent.id)).query(approvalState);
    expect(state.status).toBe('waiting-staff');
    const image = await app().request(`/mon-compte/documents/${document!.id}`, { headers: { Cookie: cookie } });
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-security-policy')).toMatch(/default-src 'none'.*; sandbox$/);

    const page = await (await app().request('/mon-compte/documents?depose=1', { headers: { Cookie: cookie } })).text();
    expect(page).toContain('Votre pièce a bien été déposée.');
    expect(page).toContain('facture edf.png');
    expect(page).toContain('En attente');
  });

  it('accepts a PDF and serves it back to its owner only, inline and sandboxed', async () => {
    const owner = await createParent(database.db, 'pdf@example.fr');
    const other = await createParent(database.db, 'autre-famille@example.fr');
    const ownerCookie = await login(app(), owner.email);
    expect((await upload(ownerCookie, 'attestation-caf', { name: 'caf.pdf', bytes: MINIMAL_PDF, type: 'application/pdf' })).status).toBe(303);
    const [document] = await documentsOf(owner.id);

    const mine = await app().request(`/mon-compte/documents/${document!.id}`, { headers: { Cookie: ownerCookie } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect(mine.headers.get('content-disposition')).toContain('inline; filename="caf.pdf"');
    expect(mine.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(new Uint8Array(await mine.arrayBuffer())).toEqual(MINIMAL_PDF);

    const otherCookie = await login(app(), other.email);
    expect((await app().request(`/mon-compte/documents/${document!.id}`, { headers: { Cookie: otherCookie } })).status).toBe(404);
    expect((await app().request(`/mon-compte/documents/${document!.id}`)).status).toBe(303);
  });

  it('refuses a renamed executable, saying why, and stores nothing', async () => {
    const parent = await createParent(database.db, 'elf@example.fr');
    const cookie = await login(app(), parent.email);
    const response = await upload(cookie, 'autre', { name: 'attestation.pdf', bytes: ELF_EXECUTABLE, type: 'application/pdf' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Ce fichier n&#39;est ni un PDF, ni une image JPEG ou PNG.");
    expect(html).toContain('<option value="autre" selected="">');
    expect(await documentsOf(parent.id)).toEqual([]);
  });

  it('refuses a file of 11 MB', async () => {
    const parent = await createParent(database.db, 'big@example.fr');
    const cookie = await login(app(), parent.email);
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(MINIMAL_PDF);
    const response = await upload(cookie, 'autre', { name: 'gros.pdf', bytes: big, type: 'application/pdf' });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('Le fichier dépasse 10 Mo');
    expect(await documentsOf(parent.id)).toEqual([]);
  });

  it('limits uploads per hour and what an account keeps, keeping no file it refuses', async () => {
    const parent = await createParent(database.db, 'deposant@example.fr');
    const cookie = await login(app(), parent.email);
    const files = async () => (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
    const filesBefore = await files();
    for (let i = 0; i < DOCUMENT_QUOTA.perHour; i += 1) {
      expect((await upload(cookie, 'autre', { name: `piece-${i}.png`, bytes: PNG_1X1, type: 'image/png' })).status).toBe(303);
    }
    const refused = await upload(cookie, 'autre', { name: 'une-de-trop.png', bytes: PNG_1X1, type: 'image/png' });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain(`Vous avez déposé ${DOCUMENT_QUOTA.perHour} pièces dans l&#39;heure`);
    expect(await documentsOf(parent.id)).toHaveLength(DOCUMENT_QUOTA.perHour);
    expect((await files()) - filesBefore).toBe(DOCUMENT_QUOTA.perHour);

    // An hour later the hourly limit is spent, not the total one: that one counts bytes kept.
    const other = await createParent(database.db, 'lourd@example.fr');
    await database.db
      .insertInto('documents')
      .values(
        Array.from({ length: DOCUMENT_QUOTA.bytes / (10 * 1024 * 1024) }, (_, i) => ({
          owner_id: other.id, kind: 'autre' as const, file_name: `ancien-${i}.pdf`, mime_type: 'application/pdf' as const, size_bytes: 10 * 1024 * 1024,
          sha256: 'x', storage_key: `ancien-${i}`, uploaded_at: new Date(testNow().getTime() - 7 * 24 * 3600_000),
        })),
      )
      .execute();
    const full = await upload(await login(app(), other.email), 'autre', { name: 'encore.png', bytes: PNG_1X1, type: 'image/png' });
    expect(full.status).toBe(400);
    expect(await full.text()).toContain('Vos pièces occupent déjà près de 150 Mo');
  });

  it('asks for the kind and the file when they are missing', async () => {
    const parent = await createParent(database.db, 'vide@example.fr');
    const cookie = await login(app(), parent.email);
    const response = await upload(cookie, '', null);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Choisissez le type de pièce.');
    expect(html).toContain('Choisissez le fichier à déposer.');
  });
});

describe('Mon compte', () => {
  it('shows the welcome text and the account status in words', async () => {
    const pending = await createParent(database.db, 'attente@example.fr');
    const validated = await createParent(database.db, 'valide@example.fr', { status: 'validated' });
    const rejected = await createParent(database.db, 'refuse@example.fr', { status: 'rejected' });
    await database.db.updateTable('users').set({ status_reason: 'Domicile hors agglomération' }).where('id', '=', rejected.id).execute();
    const page = async (email: string) => (await app().request('/mon-compte', { headers: { Cookie: await login(app(), email) } })).text();

    const pendingHtml = await page(pending.email);
    expect(pendingHtml).toContain('Bienvenue sur votre page d&#39;accueil. Vous pouvez y gérer vos informations personnelles ainsi que vos commandes.');
    expect(pendingHtml).toContain('Merci de penser à mettre vos pièces justificatives.');
    expect(pendingHtml).toContain('Compte en attente de validation');
    expect(await page(validated.email)).toContain('Compte validé');
    expect(await page(rejected.email)).toContain('Compte refusé : Domicile hors agglomération');
    for (const section of ['/mon-compte/listes', '/mon-compte/e-billets', '/mon-compte/donnees']) expect(pendingHtml).toContain(`href="${section}"`);
    expect(pendingHtml).not.toContain('bientôt disponible');
    expect(pendingHtml).toContain('<a href="/mon-compte/filiations">Mes filiations</a>');
  });

  it('sends anonymous visitors to the login page and back', async () => {
    const response = await app().request('/mon-compte/documents');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/connexion?retour=%2Fmon-compte%2Fdocuments');
  });
});

describe('the « MON COMPTE » menu', () => {
  it('stands beside every account page, the current section marked, with « Déconnexion »; the home menu starts with « Accueil »', async () => {
    const parent = await createParent(database.db, 'menu@example.fr');
    const cookie = await login(app(), parent.email);
    const page = await (await app().request('/mon-compte/adresses', { headers: { Cookie: cookie } })).text();
    const menu = page.slice(page.indexOf('<nav class="account-menu"'), page.indexOf('</nav>', page.indexOf('<nav class="account-menu"')));
    expect(menu).toContain('<a href="/mon-compte/adresses" aria-current="page">Mes adresses</a>');
    expect(menu).toContain('href="/mon-compte/porte-monnaie"');
    expect(menu).toContain('Déconnexion');
    expect(await (await app().request('/', { headers: { Cookie: cookie } })).text()).not.toContain('class="account-menu"');
    expect(await (await app().request('/')).text()).toContain('<li><a href="/">Accueil</a></li>');
  });
});
