// Staff choose the documents a service offer requires (their communes only, audited); a family
// without them valid is told which before it may ask, and asks once one is accepted.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { testNow } from '../../test/helpers/clock.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db } });
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
const OFFER = 'INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT HORS-COMMUNE';

let staff: string;
let otherStaff: string;
let offerId: number;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  await createStaff(database.db, 'agent-offres@example.fr', ['rosieres']);
  await createStaff(database.db, 'agent-offres-ailleurs@example.fr', ['yssingeaux']);
  staff = await login(app(), 'agent-offres@example.fr');
  otherStaff = await login(app(), 'agent-offres-ailleurs@example.fr');
  offerId = (await database.db.selectFrom('service_offers').innerJoin('communes', 'communes.id', 'service_offers.commune_id').select('service_offers.id').where('label', '=', OFFER).where('communes.slug', '=', 'rosieres').executeTakeFirstOrThrow()).id;
});

const required = async () => (await database.db.selectFrom('service_offers').select('required_documents').where('id', '=', offerId).executeTakeFirstOrThrow()).required_documents;

describe('documents required by a service offer', () => {
  it('are chosen by staff of its commune only, and audited', async () => {
    expect(await (await app().request('/agent/services/offres', { headers: { Cookie: staff } })).text()).toContain(`action="/agent/services/offres/${offerId}"`);
    expect(await (await app().request('/agent/services/offres', { headers: { Cookie: otherStaff } })).text()).not.toContain(`action="/agent/services/offres/${offerId}"`);
    expect((await postForm(app(), `/agent/services/offres/${offerId}`, { pieces: 'justificatif-domicile' }, { Cookie: otherStaff })).status).toBe(403);
    const garbage = await postForm(app(), `/agent/services/offres/${offerId}`, { pieces: 'passeport' }, { Cookie: staff });
    expect(garbage.status).toBe(400);
    expect(await garbage.text()).toContain('Choisissez parmi les pièces proposées.');
    expect(await required()).toEqual([]);

    expect((await postForm(app(), `/agent/services/offres/${offerId}`, { pieces: 'justificatif-domicile' }, { Cookie: staff })).status).toBe(303);
    expect(await required()).toEqual(['justificatif-domicile']);
    const audit = await database.db.selectFrom('audit_log').select('details').where('action', '=', 'offer.documents').where('subject_id', '=', offerId).executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ before: [], after: ['justificatif-domicile'] });
  });

  it('tell a family which one is missing, and let it ask once it holds one accepted', async () => {
    await database.db.updateTable('service_offers').set({ required_documents: ['justificatif-domicile'] }).where('id', '=', offerId).execute();
    const parent = await createParent(database.db, 'sans-justificatif@example.fr', { status: 'validated' });
    const cookie = await login(app(), parent.email);
    const page = await (await app().request('/mon-compte/services/ajouter', { headers: { Cookie: cookie } })).text();
    expect(page).toContain('Justificatif de domicile <a href="/mon-compte/documents">(à déposer)</a>');
    const refused = await postForm(app(), '/mon-compte/services/ajouter', { offer: String(offerId) }, { Cookie: cookie });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(`« ${OFFER} » demande une pièce justificative acceptée et encore valable : Justificatif de domicile.`);
    expect(await database.db.selectFrom('subscriptions').select('id').where('user_id', '=', parent.id).execute()).toEqual([]);

    await database.db
      .insertInto('documents')
      .values({ owner_id: parent.id, kind: 'justificatif-domicile', file_name: 'facture.pdf', mime_type: 'application/pdf', size_bytes: 10, sha256: 'b'.repeat(64), storage_key: 'c'.repeat(64), uploaded_at: testNow(), status: 'accepted' })
      .execute();
    expect((await postForm(app(), '/mon-compte/services/ajouter', { offer: String(offerId) }, { Cookie: cookie })).status).toBe(303);
    expect(await database.db.selectFrom('subscriptions').select('status').where('user_id', '=', parent.id).execute()).toEqual([{ status: 'pending' }]);
  });
});
