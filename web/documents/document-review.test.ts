// Staff review a family's documents at any time, from the family's page, the waiting ones listed
// in « Pièces à examiner »: refused with a reason, accepted until a day (which starts the family's
// watch of that document type), never for another commune's family.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { PNG_1X1 } from '../../test/fixtures/files.ts';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { documentExpiryWorkflowId } from '../../workflows/documents/document-expiry.messages.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db } });
const now = () => new Date('2026-12-02T09:00:00Z');
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue, now });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

let staff: string;
let outsider: string;
let familyId: number;
let documentId: number;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent@bains.fr', ['bains']);
  const parent = await createParent(database.db, 'pieces@example.fr', { status: 'validated', commune: 'rosieres' });
  familyId = parent.id;
  const form = new FormData();
  form.set('kind', 'attestation-caf');
  form.set('file', new File([PNG_1X1 as Uint8Array<ArrayBuffer>], 'caf.png', { type: 'image/png' }));
  const uploaded = await app().request('/mon-compte/documents', { method: 'POST', body: form, headers: { Cookie: await login(app(), parent.email), Origin: TEST_ORIGIN } });
  expect(uploaded.status).toBe(303);
  documentId = (await database.db.selectFrom('documents').select('id').where('owner_id', '=', familyId).executeTakeFirstOrThrow()).id;
  staff = await login(app(), 'agent@rosieres.fr');
  outsider = await login(app(), 'agent@bains.fr');
});

const decide = (fields: Record<string, string>, cookie = staff) => postForm(app(), `/agent/documents/${documentId}/decision`, fields, { Cookie: cookie });
const stored = () => database.db.selectFrom('documents').select(['status', 'expires_on', 'refusal_reason']).where('id', '=', documentId).executeTakeFirstOrThrow();

describe('document review', () => {
  it('lists the document waiting in « Pièces à examiner », for its commune only, with its type’s usual validity offered', async () => {
    expect(await (await get('/agent/pieces', staff)).text()).toContain(`/agent/familles/${familyId}#pieces`);
    expect(await (await get('/agent/pieces', outsider)).text()).not.toContain(`/agent/familles/${familyId}`);
    expect(await (await get(`/agent/familles/${familyId}`, staff)).text()).toContain(`id="expiration-${documentId}" name="expiration" type="date" value="2026-12-31"`);
  });

  it('refuses a refusal without a reason and a validity already over, changing nothing', async () => {
    const silent = await decide({ decision: 'refuser', motif: '' });
    expect(silent.status).toBe(400);
    expect(await silent.text()).toContain('Dites à la famille pourquoi la pièce est refusée');
    const past = await decide({ decision: 'accepter', expiration: '2026-11-30' });
    expect(await past.text()).toContain('Une pièce acceptée est valable au moins jusqu’à aujourd’hui.');
    expect(await stored()).toEqual({ status: 'pending', expires_on: null, refusal_reason: null });
    expect((await decide({ decision: 'accepter', expiration: '2026-12-31' }, outsider)).status).toBe(403);
  });

  it('accepts the document until a day, which starts the watch of its type, and may refuse it later', async () => {
    expect((await decide({ decision: 'accepter', expiration: '2026-12-31' })).status).toBe(303);
    expect(await stored()).toEqual({ status: 'accepted', expires_on: '2026-12-31', refusal_reason: null });
    const watch = await temporal.client.workflow.getHandle(documentExpiryWorkflowId(familyId, 'attestation-caf')).describe();
    expect(watch.status.name).toBe('RUNNING');
    expect(await (await get(`/agent/familles/${familyId}`, staff)).text()).toContain('Acceptée, valable jusqu&#39;au 31-12-2026');

    expect((await decide({ decision: 'refuser', motif: 'Attestation illisible' })).status).toBe(303);
    expect(await stored()).toEqual({ status: 'refused', expires_on: null, refusal_reason: 'Attestation illisible' });
    const audit = await database.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'user').where('subject_id', '=', familyId).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['document.accepted', 'document.refused']);
    await temporal.client.workflow.getHandle(documentExpiryWorkflowId(familyId, 'attestation-caf')).terminate('end of test');
  });
});
