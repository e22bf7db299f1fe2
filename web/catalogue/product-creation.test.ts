// A new product as the reference has them: the Rosières Wednesday accueil with its six
// prestations, typed row after row without JavaScript, and its quotient familial tiers set at its
// creation; a wrong row marked alone; places counted per prestation and per day, as booking takes
// them; nothing of it for another commune's staff.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { readPricingRules } from '../../domain/pricing.ts';
import { addDays } from '../../domain/dates.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { bookingFamily, demoProduct, holdPlaces, setCapacity } from '../../test/helpers/booking.ts';
import { bookableSeasonDay, testNow, testToday } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now: testNow });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });
const post = (path: string, fields: [string, string][], cookie: string) =>
  app().request(path, { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { Cookie: cookie, Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' } });

let staff: string;
let outsider: string;
let offerId: number;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent@bains.fr', ['bains']);
  staff = await login(app(), 'agent@rosieres.fr');
  outsider = await login(app(), 'agent@bains.fr');
  offerId = (await database.db.selectFrom('service_offers').innerJoin('communes', 'communes.id', 'service_offers.commune_id').select('service_offers.id').where('communes.slug', '=', 'rosieres').executeTakeFirstOrThrow()).id;
});

/** The reference's Wednesday accueil: its six prestations and prices. */
const ROSIERES_WEDNESDAY = [
  ['Matin', '7,90'], ['Matin + Repas', '11,40'], ['Après-midi', '7,90'], ['Après-midi + Repas', '11,40'], ['Journée', '13,50'], ['Journée + Repas', '17,00'],
] as const;

const product = (name: string, rows: readonly (readonly [string, string])[], extra: Record<string, string> = {}): [string, string][] => [
  ...Object.entries({
    offre: String(offerId), categorie: 'centres-de-loisirs', nom: name, description: '', debut: addDays(testToday(), 7), fin: addDays(testToday(), 90), places: '30',
    vente: 'en-ligne', delai_jours: '2', delai_heure: '12', annul_jours: '2', annul_heure: '12', ...extra,
  }),
  ...rows.flatMap(([label, price], i): [string, string][] => [[`libelle_${i + 1}`, label], [`prix_${i + 1}`, price]]),
  ['jours', '3'],
];

const productsNamed = (name: string) => database.db.selectFrom('products').select(['id', 'pricing']).where('name', '=', name).execute();

describe('a new product with its prestations and tariffs', () => {
  it('« Ajouter une prestation » shows the form again with one more row, everything typed kept, nothing saved', async () => {
    const rows = ROSIERES_WEDNESDAY.slice(0, 3);
    const response = await post('/agent/catalogue', [...product('Accueil du mercredi (essai)', rows), ['ligne', 'ajouter']], staff);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('value="Après-midi"');
    expect(html).toContain('value="Accueil du mercredi (essai)"');
    // The three rows typed, one empty after them, and the one asked for.
    expect(html).toContain('name="libelle_5"');
    expect(html).not.toContain('name="libelle_6"');
    expect(html).not.toContain('field__error');
    expect(await productsNamed('Accueil du mercredi (essai)')).toEqual([]);
  });

  it('creates the Rosières Wednesday accueil with its six prestations and its quotient familial tiers', async () => {
    const tiers = { qf_libelle_1: 'QF 1', qf_plafond_1: '600', qf_taux_1: '50', qf_libelle_2: 'QF 2', qf_plafond_2: '1200', qf_taux_2: '80', qf_libelle_3: 'QF 3', qf_taux_3: '100', hors_commune: '120' };
    // Row 7 posted empty, as the form shows it: ignored.
    const created = await post('/agent/catalogue', [...product('Accueil du mercredi', ROSIERES_WEDNESDAY, tiers), ['libelle_7', ''], ['prix_7', '']], staff);
    expect(created.status).toBe(303);
    const [row] = await productsNamed('Accueil du mercredi');
    const prestations = await database.db.selectFrom('prestations').select(['id', 'label', 'price_cents']).where('product_id', '=', row!.id).orderBy('position').execute();
    expect(prestations.map((p) => [p.label, p.price_cents])).toEqual([['Matin', 790], ['Matin + Repas', 1140], ['Après-midi', 790], ['Après-midi + Repas', 1140], ['Journée', 1350], ['Journée + Repas', 1700]]);
    expect(readPricingRules(row!.pricing)).toEqual({
      qfTiers: [{ label: 'QF 1', upTo: 600, percent: 50 }, { label: 'QF 2', upTo: 1200, percent: 80 }, { label: 'QF 3', upTo: null, percent: 100 }],
      nonResidentPercent: 120,
    });
    const slots = await database.db.selectFrom('slots').select(['prestation_id', 'capacity']).where('product_id', '=', row!.id).execute();
    expect(new Set(slots.map((s) => s.prestation_id)).size).toBe(6);
    expect(slots.every((s) => s.capacity === 30)).toBe(true);
    // The product's page shows its tiers, and its calendar counts children, not 6 × 30 places.
    const page = await (await get(`/agent/catalogue/${row!.id}?mois=${addDays(testToday(), 30).slice(0, 7)}`, staff)).text();
    expect(page).toContain('value="QF 2"');
    expect(page).toContain('0 inscrit');
    expect(page).not.toContain('/180');
    expect(page).toContain('Places par prestation et par jour');
  });

  it('marks only the wrong row of a refused form, keeping every row typed', async () => {
    const rows = [...ROSIERES_WEDNESDAY.slice(0, 3), ['Journée', 'gratuit'] as const, ['Journée + Repas', '17,00'] as const];
    const response = await post('/agent/catalogue', product('Accueil refusé', rows, { qf_libelle_1: 'QF 1', qf_taux_1: 'beaucoup' }), staff);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('id="prix_4-error"');
    expect(html).toContain('id="qf-error"');
    for (const field of ['libelle_1', 'prix_1', 'libelle_4', 'prix_5', 'nom']) expect(html).not.toContain(`id="${field}-error"`);
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(1);
    expect(html).toContain('value="Journée + Repas"');
    expect(html).toContain('value="gratuit"');
    expect(await productsNamed('Accueil refusé')).toEqual([]);
  });

  it('lists a refused form\'s errors in the order of the page, each linked to a field that is there, and Enter still creates', async () => {
    const fields = product('', [['Matin', '7,90'], ['Soir', 'sept']], { qf_libelle_1: 'QF 1', qf_taux_1: 'beaucoup' }).filter(([name]) => name !== 'jours');
    const response = await post('/agent/catalogue', fields, staff);
    expect(response.status).toBe(400);
    const html = await response.text();
    const summary = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)![0];
    const links = [...summary.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]!);
    expect(links).toEqual(['nom', 'jours', 'prix_2', 'qf']);
    for (const id of links) expect(html, id).toContain(`id="${id}"`);
    // The form's first submit button, the one Enter in a field presses, is the one that creates.
    const form = /<form method="post" action="\/agent\/catalogue"[\s\S]*?<\/form>/.exec(html)![0];
    expect(/<button[^>]*type="submit"[^>]*>([^<]*)</.exec(form)![1]).toBe('Créer l&#39;activité');
    expect(/<button[^>]*type="submit"[^>]*>/.exec(form)![0]).not.toContain('name=');
  });

  it('counts places per prestation and per day, as booking takes them', async () => {
    const demo = await demoProduct(database.db);
    const { service_date: day } = await database.db
      .selectFrom('slots')
      .select('service_date')
      .where('product_id', '=', demo.id)
      .where('service_date', '>', addDays(testToday(), 3))
      .orderBy('service_date')
      .executeTakeFirstOrThrow();
    await setCapacity(database.db, day, 'Matin', 1);
    const [first, second] = [await bookingFamily(database.db, 'matin@example.fr'), await bookingFamily(database.db, 'apres-midi@example.fr')];
    expect((await holdPlaces(database.db, first, 'Matin', [day], testNow())).ok).toBe(true);
    // The morning's one place is taken; the afternoon has its own.
    expect(await holdPlaces(database.db, second, 'Matin', [day], testNow())).toEqual({ ok: false, failures: [{ date: day, reason: 'full' }] });
    expect((await holdPlaces(database.db, second, 'Après-midi', [day], testNow())).ok).toBe(true);
    const page = await (await get(`/agent/catalogue/${demo.id}?mois=${day.slice(0, 7)}`, staff)).text();
    expect(page).toContain('2 inscrits');
    expect(page).not.toContain('2 inscrits, complet');
    const [matin] = await database.db.selectFrom('slots').innerJoin('prestations', 'prestations.id', 'slots.prestation_id').select('slots.id').where('slots.product_id', '=', demo.id).where('prestations.label', '=', 'Matin').where('slots.service_date', '=', day).execute();
    const refused = await post(`/agent/catalogue/${demo.id}/capacite`, [['place', String(matin!.id)], ['places', '0']], staff);
    expect(await refused.text()).toContain('1 place(s) sont déjà prises ce jour-là pour cette prestation.');
  });

  it("refuses another commune's staff: its product's page, its form and its prestations", async () => {
    const [row] = await productsNamed('Accueil du mercredi');
    expect((await get(`/agent/catalogue/${row!.id}`, outsider)).status).toBe(403);
    expect((await post(`/agent/catalogue/${row!.id}/prestations`, [['libelle', 'Soirée'], ['prix', '5,00'], ['places', '10']], outsider)).status).toBe(403);
    const refused = await post('/agent/catalogue', product('Accueil intrus', ROSIERES_WEDNESDAY), outsider);
    expect(await refused.text()).toContain("Cette inscription n&#39;est pas de vos communes.");
    expect(await productsNamed('Accueil intrus')).toEqual([]);
  });
});
