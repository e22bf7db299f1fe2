// The yearly registration through the app, with a worker of the real app running each family's
// registration workflow: staff create a campaign (each bad field said next to it, what was typed
// kept, nothing stored), another commune's staff are refused, « Ouvrir la campagne » shows what it
// will do then does it; a family's dossier says what each child lacks, is confirmed child by child
// and marked complete; until then the campaign's days are refused at the cart with a link to the
// dossier (or charged the top tier), and the product's page says so.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { addDays } from '../../domain/dates.ts';
import { schoolYearOfDay } from '../../domain/registration.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { bookingFamily, demoProduct, serviceDaysFrom } from '../../test/helpers/booking.ts';
import { seasonAheadDay, testNow, testToday } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { fillChildFile } from '../../test/helpers/registration.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { until } from '../../test/helpers/until.ts';
import { registrationState, registrationWorkflowId } from '../../workflows/registration/index.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db } });
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

let staff = '';
let outsider = '';
let parent = '';
let neighbour = '';
let family: Awaited<ReturnType<typeof bookingFamily>>;
let other: Awaited<ReturnType<typeof bookingFamily>>;
let product: Awaited<ReturnType<typeof demoProduct>>;
let days: string[] = [];
let schoolYear = '';
let campaignId = 0;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, seasonAheadDay());
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent@bains.fr', ['bains']);
  family = await bookingFamily(database.db, 'dossier@example.fr', [{ first: 'Léa', birth: '2018-03-01' }]);
  other = await bookingFamily(database.db, 'retardataire@example.fr');
  product = await demoProduct(database.db);
  days = await serviceDaysFrom(database.db, 'Matin', seasonAheadDay(), 2);
  // The campaign prepares the school year of the catalogue's season, the next one from today.
  schoolYear = schoolYearOfDay(days[0]!);
  staff = await login(app(), 'agent@rosieres.fr');
  outsider = await login(app(), 'agent@bains.fr');
  parent = await login(app(), 'dossier@example.fr');
  neighbour = await login(app(), 'retardataire@example.fr');
});

const campaignFields = (overrides: Record<string, string> = {}) => ({
  commune: String(product.commune_id),
  annee: schoolYear,
  ouverture: testToday(),
  cloture: addDays(testToday(), 30),
  produits: String(product.id),
  pieces: 'attestation-assurance',
  incomplet: 'block',
  ...overrides,
});

describe('staff: the campaign', () => {
  it('refuses bad input next to each field, keeping what was typed and storing nothing', async () => {
    const empty = await postForm(app(), '/agent/inscriptions', { commune: '', annee: '', ouverture: '', cloture: '31/02/2027' }, { Cookie: staff });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    for (const message of ['Choisissez la commune.', 'Donnez le jour d’ouverture (jj/mm/aaaa).', 'Cochez au moins une activité concernée.', 'Choisissez ce que rencontre une famille au dossier incomplet.']) expect(html).toContain(message);
    expect(html).toContain('value="31/02/2027"');
    const reversed = await postForm(app(), '/agent/inscriptions', campaignFields({ cloture: addDays(testToday(), -1) }), { Cookie: staff });
    expect(reversed.status).toBe(400);
    expect(await reversed.text()).toContain('La clôture doit suivre l’ouverture.');
    // A product of another commune is not Rosières' to name.
    const bains = await database.db.selectFrom('products').innerJoin('communes', 'communes.id', 'products.commune_id').select('products.id').where('communes.slug', '=', 'bains').executeTakeFirstOrThrow();
    const foreign = await postForm(app(), '/agent/inscriptions', campaignFields({ produits: String(bains.id) }), { Cookie: staff });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('Cochez des activités de la commune choisie.');
    // Bains' agent cannot open one for Rosières.
    expect((await postForm(app(), '/agent/inscriptions', campaignFields(), { Cookie: outsider })).status).toBe(400);
    expect(await database.db.selectFrom('registration_campaigns').select('id').execute()).toEqual([]);
  });

  it('created and audited, shown to its commune’s staff only, opened once after saying what it will do', async () => {
    const created = await postForm(app(), '/agent/inscriptions', campaignFields(), { Cookie: staff });
    expect(created.status).toBe(303);
    campaignId = Number(/\/agent\/inscriptions\/(\d+)/.exec(created.headers.get('location') ?? '')?.[1]);
    expect(await database.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'registration-campaign').where('subject_id', '=', campaignId).execute()).toEqual([{ action: 'registration.campaign-created' }]);
    expect((await get(`/agent/inscriptions/${campaignId}`, outsider)).status).toBe(403);
    expect((await postForm(app(), `/agent/inscriptions/${campaignId}/ouvrir`, { confirmation: 'oui' }, { Cookie: outsider })).status).toBe(403);
    expect(await (await get('/agent/inscriptions', outsider)).text()).not.toContain(`/agent/inscriptions/${campaignId}`);
    expect((await get(`/agent/inscriptions/${campaignId}`, parent)).status).toBe(403);

    const page = await get(`/agent/inscriptions/${campaignId}`, staff);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Ouvrir la campagne');
    const preview = await postForm(app(), `/agent/inscriptions/${campaignId}/ouvrir`, {}, { Cookie: staff });
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('Confirmer');
    expect((await database.db.selectFrom('registration_campaigns').select('opened_at').where('id', '=', campaignId).executeTakeFirstOrThrow()).opened_at).toBeNull();
    const opened = await postForm(app(), `/agent/inscriptions/${campaignId}/ouvrir`, { confirmation: 'oui' }, { Cookie: staff });
    expect(opened.status).toBe(303);
    expect((await database.db.selectFrom('registration_campaigns').select('opened_at').where('id', '=', campaignId).executeTakeFirstOrThrow()).opened_at).not.toBeNull();
    expect((await postForm(app(), `/agent/inscriptions/${campaignId}/ouvrir`, { confirmation: 'oui' }, { Cookie: staff })).status).toBe(400);
  });
});

describe('the family’s dossier and booking', () => {
  it('until complete, the campaign’s days are refused at the cart with a link to the dossier, and the product’s page says so', async () => {
    const refused = await postForm(app(), `/produits/${product.id}/panier`, { prestation: String(product.prestations.find((p) => p.label === 'Matin')!.id), enfant: String(other.dependants[0]!.id), date: days[0]! }, { Cookie: neighbour });
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toContain('dossier annuel à compléter');
    expect(html).toContain(`/mon-compte/dossier-annuel?campagne=${campaignId}`);
    expect(await database.db.selectFrom('holds').select('id').where('user_id', '=', other.user.id).execute()).toEqual([]);
    expect(await (await get(`/produits/${product.id}`, neighbour)).text()).toContain('se réservent une fois votre dossier annuel complet');
  });

  it('says what each child lacks with links to the child’s file, refuses to confirm before, then confirms and completes the family', async () => {
    const lea = family.dependants[0]!;
    const first = await (await get('/mon-compte/dossier-annuel', parent)).text();
    expect(first).toContain(`Année scolaire ${schoolYear}`);
    for (const link of [`/mon-compte/enfants/${lea.id}/sante`, `/mon-compte/enfants/${lea.id}/autorisations`, `/mon-compte/enfants/${lea.id}/contacts`, '/mon-compte/documents']) expect(first).toContain(`href="${link}"`);
    // Joining from its page started the family's reminders.
    const handle = temporal.client.workflow.getHandle(registrationWorkflowId(campaignId, family.user.id));
    await until(() => handle.describe().then(() => true).catch(() => false), Boolean);

    const early = await postForm(app(), '/mon-compte/dossier-annuel/confirmer', { campagne: String(campaignId), enfant: String(lea.id) }, { Cookie: parent });
    expect(early.status).toBe(400);
    expect(await early.text()).toContain('Ce dossier n’est pas complet');
    // Another family's child: as if it did not exist.
    const foreign = await postForm(app(), '/mon-compte/dossier-annuel/confirmer', { campagne: String(campaignId), enfant: String(lea.id) }, { Cookie: neighbour });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('Ce dossier n’existe pas.');

    await fillChildFile(database.db, lea.id, schoolYear, testNow());
    await database.db
      .insertInto('documents')
      .values({ owner_id: family.user.id, kind: 'attestation-assurance', file_name: 'a.pdf', mime_type: 'application/pdf', size_bytes: 1, sha256: 'c'.repeat(64), storage_key: 'k-dossier', status: 'accepted', expires_on: null })
      .execute();
    expect(await (await get('/mon-compte/dossier-annuel', parent)).text()).toContain('Je confirme le dossier de Léa');
    const confirmed = await postForm(app(), '/mon-compte/dossier-annuel/confirmer', { campagne: String(campaignId), enfant: String(lea.id) }, { Cookie: parent });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe('/mon-compte/dossier-annuel?ok=complet');
    expect(await (await get('/mon-compte/dossier-annuel?ok=complet', parent)).text()).toContain('Votre dossier est complet');
    await until(() => handle.query(registrationState), (state) => state.complete);

    // Complete, the family books the campaign's days.
    const booked = await postForm(app(), `/produits/${product.id}/panier`, { prestation: String(product.prestations.find((p) => p.label === 'Matin')!.id), enfant: String(lea.id), date: days[0]! }, { Cookie: parent });
    expect(booked.status).toBe(200);
    // Staff see who is complete and what the others lack, without any health detail.
    const followed = await (await get(`/agent/inscriptions/${campaignId}`, staff)).text();
    expect(followed).toContain('1/2');
    expect(followed).toContain('fiche sanitaire à relire et enregistrer');
    expect(followed).not.toContain('Arachide');
  });

  it('top tier: an incomplete family’s days are charged the product’s highest tier', async () => {
    await database.db.updateTable('registration_campaigns').set({ when_incomplete: 'top-tier' }).where('id', '=', campaignId).execute();
    await database.db.updateTable('products').set({ pricing: JSON.stringify({ qfTiers: [{ label: 'QF 1', upTo: 600, percent: 50 }, { label: 'QF 2', upTo: null, percent: 100 }] }) }).where('id', '=', product.id).execute();
    await database.db.updateTable('users').set({ quotient_familial: 450 }).where('id', '=', other.user.id).execute();
    const held = await postForm(app(), `/produits/${product.id}/panier`, { prestation: String(product.prestations.find((p) => p.label === 'Matin')!.id), enfant: String(other.dependants[0]!.id), date: days[1]! }, { Cookie: neighbour });
    expect(held.status).toBe(200);
    const base = product.prestations.find((p) => p.label === 'Matin')!.price_cents;
    expect(await database.db.selectFrom('holds').select(['price_cents', 'price_note']).where('user_id', '=', other.user.id).execute()).toEqual([{ price_cents: base, price_note: 'Tarif QF 2, dossier annuel incomplet' }]);
  });

  it('offers the campaign’s year in the child’s authorisations at once, and counts a fiche sanitaire read again and saved unchanged', async () => {
    const child = other.dependants[0]!;
    expect(await (await get(`/mon-compte/enfants/${child.id}/autorisations`, neighbour)).text()).toContain(`Année scolaire ${schoolYear}`);
    expect(await (await get(`/mon-compte/enfants/${child.id}`, neighbour)).text()).toContain(`Autorisations pour ${schoolYear}`);
    const answers = { annee: schoolYear, 'photo-video': 'non', 'home-alone': 'non', transport: 'oui', 'emergency-care': 'oui' };
    expect((await postForm(app(), `/mon-compte/enfants/${child.id}/autorisations`, answers, { Cookie: neighbour })).status).toBe(303);

    // Filled before the campaign opened, the fiche is to be read again.
    const opened = await database.db.selectFrom('registration_campaigns').select('opened_at').where('id', '=', campaignId).executeTakeFirstOrThrow();
    await database.db.insertInto('child_health_records').values({ dependant_id: child.id, version: 1, allergies: 'Arachide', recorded_by: other.user.id, recorded_at: new Date(opened.opened_at!.getTime() - 86_400_000) }).execute();
    expect(await (await get('/mon-compte/dossier-annuel', neighbour)).text()).toMatch(/fiche sanitaire à relire et enregistrer/i);
    const same = { allergies: 'Arachide', has_pai: 'non', treatments: '', dtp_last_on: '', vaccinations: '', doctor_name: '', doctor_phone: '', insurance_name: '', insurance_number: '', notes: '' };
    const saved = await postForm(app(), `/mon-compte/enfants/${child.id}/sante`, same, { Cookie: neighbour });
    expect(saved.headers.get('location')).toBe(`/mon-compte/enfants/${child.id}?ok=sante-inchangee`);
    expect(await database.db.selectFrom('child_health_records').select('version').where('dependant_id', '=', child.id).execute()).toEqual([{ version: 1 }]);
    expect(await (await get('/mon-compte/dossier-annuel', neighbour)).text()).not.toMatch(/fiche sanitaire à relire/i);
  });
});
