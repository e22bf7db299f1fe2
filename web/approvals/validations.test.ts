// The staff's validation pages: scoped to their communes, decisions signalled to the account's
// workflow (a worker of the real app runs it), and the parent told by mail.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { waitForMail } from '../../test/helpers/outbox.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { PNG_1X1 } from '../../test/fixtures/files.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { createFolderStore } from '../../lib/documents/store.ts';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testNow } from '../../test/helpers/clock.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db } });
let documentsFolder: string;

beforeAll(async () => {
  documentsFolder = await mkdtemp(path.join(tmpdir(), 'citoyens-agent-docs-'));
});

const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue, documents: createFolderStore(documentsFolder) });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

/** A parent of the commune who has uploaded one document, so the workflow waits for staff. */
async function parentWithDocument(email: string, commune = 'rosieres') {
  const parent = await createParent(database.db, email, { commune });
  const cookie = await login(app(), email);
  const form = new FormData();
  form.set('kind', 'justificatif-domicile');
  form.set('file', new File([PNG_1X1], 'domicile.png', { type: 'image/png' }));
  const response = await app().request('/mon-compte/documents', { method: 'POST', body: form, headers: { Cookie: cookie, Origin: TEST_ORIGIN } });
  expect(response.status).toBe(303);
  const document = await database.db.selectFrom('documents').select('id').where('owner_id', '=', parent.id).executeTakeFirstOrThrow();
  return { parent, cookie, documentId: document.id };
}

const mailTo = (recipient: string, subject: string) => waitForMail(database.db, recipient, subject);

describe('validation pages', () => {
  it('are refused to staff of another commune, everywhere, and to parents', async () => {
    const { parent, cookie: parentCookie, documentId } = await parentWithDocument('scope@example.fr');
    await createStaff(database.db, 'agent.bains@example.fr', ['bains']);
    const outsider = await login(app(), 'agent.bains@example.fr');
    expect(await (await get('/agent/validations', outsider)).text()).not.toContain('scope@example.fr');
    expect((await get(`/agent/validations/${parent.id}`, outsider)).status).toBe(403);
    expect((await postForm(app(), `/agent/validations/${parent.id}`, { action: 'approve' }, { Cookie: outsider })).status).toBe(403);
    expect((await get(`/agent/documents/${documentId}`, outsider)).status).toBe(403);
    expect((await get('/agent/documents/999999', outsider)).status).toBe(403);
    expect((await get('/agent/validations', parentCookie)).status).toBe(403);
    expect((await get(`/agent/documents/${documentId}`, parentCookie)).status).toBe(403);
    const anonymous = await app().request('/agent/validations');
    expect(anonymous.status).toBe(303);
    // The refused decision changed nothing.
    const user = await database.db.selectFrom('users').select('status').where('id', '=', parent.id).executeTakeFirstOrThrow();
    expect(user.status).toBe('pending');
  });

  it('list the commune\'s pending accounts, oldest first, with the documents at hand', async () => {
    await createStaff(database.db, 'agent.rosieres@example.fr', ['rosieres']);
    const staff = await login(app(), 'agent.rosieres@example.fr');
    const older = await parentWithDocument('ancien@example.fr');
    // Five days before the tests' clock, which the page counts from (the database's now() is the machine's).
    await sql`update users set created_at = ${new Date(testNow().getTime() - 5 * 86_400_000)} where id = ${older.parent.id}`.execute(database.db);
    const html = await (await get('/agent/validations', staff)).text();
    expect(html.indexOf('ancien@example.fr')).toBeGreaterThan(-1);
    expect(html.indexOf('ancien@example.fr')).toBeLessThan(html.indexOf('scope@example.fr'));
    expect(html).toContain('5 jours');

    const review = await (await get(`/agent/validations/${older.parent.id}`, staff)).text();
    expect(review).toContain('domicile.png');
    expect(review).toContain('Valider le compte');
    const file = await get(`/agent/documents/${older.documentId}`, staff);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
  });

  it('approve an account: the parent sees "Compte validé" and gets the mail', async () => {
    await createStaff(database.db, 'agent2.rosieres@example.fr', ['rosieres']);
    const staff = await login(app(), 'agent2.rosieres@example.fr');
    const { parent, cookie, documentId } = await parentWithDocument('approuve@example.fr');
    const review = await (await get(`/agent/validations/${parent.id}`, staff)).text();
    // Staff read what waits for them, not the family's words.
    expect(review).not.toContain('en cours d');
    expect(review).toContain('À examiner');
    expect(review).toContain('Une pièce attend votre décision');
    expect(review).toContain(`name="decision-${documentId}"`);
    // The document's type's usual validity is offered: a year for a proof of address.
    const offered = /name="expiration-\d+" type="date" value="(\d{4}-\d{2}-\d{2})"/.exec(review)![1]!;

    // Not a document accepted unseen: the account waits until it is decided.
    const undecided = await postForm(app(), `/agent/validations/${parent.id}`, { action: 'approve' }, { Cookie: staff });
    expect(undecided.status).toBe(400);
    const page = await undecided.text();
    expect(page).toContain('Justificatif de domicile (domicile.png) : Choisissez : acceptée ou refusée.');
    expect((await database.db.selectFrom('users').select('status').where('id', '=', parent.id).executeTakeFirstOrThrow()).status).toBe('pending');
    expect((await database.db.selectFrom('documents').select('status').where('id', '=', documentId).executeTakeFirstOrThrow()).status).toBe('pending');

    const decided = await postForm(app(), `/agent/validations/${parent.id}`, { action: 'approve', [`decision-${documentId}`]: 'accepter', [`expiration-${documentId}`]: offered, [`motif-${documentId}`]: '' }, { Cookie: staff });
    expect(decided.status).toBe(303);
    const after = await (await get(`/agent/validations/${parent.id}`, staff)).text();
    expect(after).toContain('Compte validé');
    expect(after).not.toContain('Valider le compte');
    expect(await (await get('/mon-compte', cookie)).text()).toContain('Compte validé');
    expect((await mailTo('approuve@example.fr', 'Votre compte est validé')).text_body).toContain('a été validé');
    const document = await database.db.selectFrom('documents').select(['status', 'expires_on']).where('owner_id', '=', parent.id).executeTakeFirstOrThrow();
    expect(document).toEqual({ status: 'accepted', expires_on: offered });
    // The document's decision is in the journal, by whom and until when.
    const journal = await database.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', parent.id).where('action', 'like', 'document.%').execute();
    expect(journal).toEqual([{ action: 'document.accepted', details: expect.objectContaining({ documentId, after: { accepted: true, expiresOn: offered } }) }]);
  });

  it('refuse a document decided with the account, with its reason, keeping what was typed when one is missing', async () => {
    await createStaff(database.db, 'agent5.rosieres@example.fr', ['rosieres']);
    const staff = await login(app(), 'agent5.rosieres@example.fr');
    const { parent, documentId } = await parentWithDocument('piece-refusee@example.fr');
    const missing = await postForm(app(), `/agent/validations/${parent.id}`, { action: 'approve', [`decision-${documentId}`]: 'refuser', [`expiration-${documentId}`]: '', [`motif-${documentId}`]: '' }, { Cookie: staff });
    expect(missing.status).toBe(400);
    const page = await missing.text();
    expect(page).toContain('Dites à la famille pourquoi la pièce est refusée');
    expect(page).toMatch(new RegExp(`id="decision-${documentId}-refuser" name="decision-${documentId}" value="refuser" checked`));
    const decided = await postForm(app(), `/agent/validations/${parent.id}`, { action: 'approve', [`decision-${documentId}`]: 'refuser', [`expiration-${documentId}`]: '', [`motif-${documentId}`]: 'Illisible' }, { Cookie: staff });
    expect(decided.status).toBe(303);
    expect(await database.db.selectFrom('documents').select(['status', 'refusal_reason']).where('id', '=', documentId).executeTakeFirstOrThrow()).toEqual({ status: 'refused', refusal_reason: 'Illisible' });
  });

  it('write to the journal each document the account decided by itself (refused with the account)', async () => {
    await createStaff(database.db, 'agent6.rosieres@example.fr', ['rosieres']);
    const staff = await login(app(), 'agent6.rosieres@example.fr');
    const { parent, documentId } = await parentWithDocument('refus-implicite@example.fr');
    expect((await postForm(app(), `/agent/validations/${parent.id}`, { action: 'reject', reason: 'Hors commune' }, { Cookie: staff })).status).toBe(303);
    await mailTo('refus-implicite@example.fr', "Votre compte n'a pas pu être validé");
    const journal = await database.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', parent.id).where('action', 'like', 'document.%').execute();
    expect(journal).toEqual([{ action: 'document.refused-with-account', details: { documentId, kind: 'justificatif-domicile', reason: 'Hors commune' } }]);
  });

  it('require a reason to refuse, keep what was typed, then refuse with it', async () => {
    await createStaff(database.db, 'agent3.rosieres@example.fr', ['rosieres']);
    const staff = await login(app(), 'agent3.rosieres@example.fr');
    const { parent, cookie } = await parentWithDocument('refus@example.fr');
    const missing = await postForm(app(), `/agent/validations/${parent.id}`, { action: 'reject', reason: '   ' }, { Cookie: staff });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Indiquez le motif du refus');
    const request = await postForm(app(), `/agent/validations/${parent.id}`, { action: 'request', message: '' }, { Cookie: staff });
    expect(await request.text()).toContain('Indiquez les pièces demandées');

    await postForm(app(), `/agent/validations/${parent.id}`, { action: 'reject', reason: 'Justificatif de plus de 3 mois' }, { Cookie: staff });
    expect(await (await get('/mon-compte', cookie)).text()).toContain('Compte refusé : Justificatif de plus de 3 mois');
    expect((await mailTo('refus@example.fr', "Votre compte n'a pas pu être validé")).text_body).toContain('Justificatif de plus de 3 mois');
  });

  it('request documents: the parent is told what to bring', async () => {
    await createStaff(database.db, 'agent4.rosieres@example.fr', ['rosieres']);
    const staff = await login(app(), 'agent4.rosieres@example.fr');
    const { parent, cookie } = await parentWithDocument('pieces@example.fr');
    await postForm(app(), `/agent/validations/${parent.id}`, { action: 'request', message: "L'attestation CAF de cette année." }, { Cookie: staff });
    expect(await (await get('/mon-compte', cookie)).text()).toContain('La mairie vous demande des pièces justificatives : L&#39;attestation CAF de cette année.');
    expect((await mailTo('pieces@example.fr', 'Pièces justificatives à compléter')).text_body).toContain("L'attestation CAF de cette année.");
  });
});
