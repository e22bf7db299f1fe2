// The catalogue on the commune's side: a product created with its prestations and generated days,
// invisible to families until published; a day's places never below what is taken; a new price
// for bookings to come only; nothing of another commune.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { bookingFamily, demoProduct, holdPlaces } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const now = () => new Date('2026-11-27T08:00:00Z');
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now });
const get = (path: string, cookie?: string) => app().request(path, { headers: cookie ? { Cookie: cookie } : {} });
const post = (path: string, fields: [string, string][], cookie: string) =>
  app().request(path, { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { Cookie: cookie, Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' } });

let staff: string;
let outsider: string;
let offerId: number;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent@bains.fr', ['bains']);
  staff = await login(app(), 'agent@rosieres.fr');
  outsider = await login(app(), 'agent@bains.fr');
  offerId = (await database.db.selectFrom('service_offers').innerJoin('communes', 'communes.id', 'service_offers.commune_id').select('service_offers.id').where('communes.slug', '=', 'rosieres').executeTakeFirstOrThrow()).id;
});

const newProduct = (overrides: Record<string, string> = {}): [string, string][] => [
  ...Object.entries({ offre: String(offerId), categorie: 'sports', nom: 'Judo du samedi', description: 'Judo pour les 6-10 ans.', debut: '2026-12-01', fin: '2027-01-31', places: '12', vente: 'en-ligne', delai_jours: '1', delai_heure: '18', annul_jours: '1', annul_heure: '18', libelle_1: 'Séance', prix_1: '6,50', libelle_2: 'Séance + goûter', prix_2: '7,20', ...overrides }),
  ['jours', '6'],
];

describe('catalogue', () => {
  it('refuses a product without days, prestations or a valid season, keeping what was typed', async () => {
    const response = await post('/agent/catalogue', newProduct({ libelle_1: '', prix_1: '', libelle_2: '', prix_2: '', fin: '2026-11-01' }).filter(([name]) => name !== 'jours'), staff);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Cochez au moins un jour.');
    expect(html).toContain('Indiquez au moins une prestation avec son prix.');
    expect(html).toContain('value="Judo du samedi"');
    expect(await database.db.selectFrom('products').select('id').where('name', '=', 'Judo du samedi').execute()).toEqual([]);
  });

  it('creates the product unpublished with its days, then publishes it for families', async () => {
    const created = await post('/agent/catalogue', newProduct(), staff);
    expect(created.status).toBe(303);
    const id = Number(/\/agent\/catalogue\/(\d+)/.exec(created.headers.get('location')!)![1]);
    const slots = await database.db.selectFrom('slots').select(['service_date', 'capacity']).where('product_id', '=', id).execute();
    // Saturdays from 5 December to 30 January, for each of the two prestations.
    expect(new Set(slots.map((s) => s.service_date)).size).toBe(9);
    expect(slots).toHaveLength(18);
    expect(slots.every((s) => s.capacity === 12)).toBe(true);
    expect((await get(`/produits/${id}`)).status).toBe(404);
    expect((await post(`/agent/catalogue/${id}/publication`, [], staff)).status).toBe(303);
    expect((await get(`/produits/${id}`)).status).toBe(200);
    expect(await (await get(`/agent/catalogue/${id}`, staff)).text()).toContain('Publiée');
    const again = await post('/agent/catalogue', newProduct(), staff);
    expect(await again.text()).toContain('Une activité de ce nom existe déjà dans cette commune.');
  });

  it("refuses fewer places than are taken, saying how many; a new price leaves what was held at its price", async () => {
    const product = await demoProduct(database.db);
    const family = await bookingFamily(database.db, 'places@example.fr', [{ first: 'Un', birth: '2017-01-01' }, { first: 'Deux', birth: '2018-01-01' }]);
    if (!(await holdPlaces(database.db, family, 'Matin', ['2026-12-09'], now())).ok) throw new Error('hold refused');
    const slot = await database.db
      .selectFrom('slots')
      .innerJoin('prestations', 'prestations.id', 'slots.prestation_id')
      .select(['slots.id', 'prestations.id as prestationId'])
      .where('slots.product_id', '=', product.id)
      .where('prestations.label', '=', 'Matin')
      .where('slots.service_date', '=', '2026-12-09')
      .executeTakeFirstOrThrow();
    const refused = await post(`/agent/catalogue/${product.id}/capacite`, [['place', String(slot.id)], ['places', '1']], staff);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Impossible : 2 place(s) sont déjà prises ce jour-là pour cette prestation.');
    expect((await post(`/agent/catalogue/${product.id}/capacite`, [['place', String(slot.id)], ['places', '2']], staff)).status).toBe(303);
    expect((await database.db.selectFrom('slots').select('capacity').where('id', '=', slot.id).executeTakeFirstOrThrow()).capacity).toBe(2);

    expect((await post(`/agent/catalogue/${product.id}/prix`, [['prestation', String(slot.prestationId)], ['prix', '9,00']], staff)).status).toBe(303);
    const holds = await database.db.selectFrom('holds').select('price_cents').where('user_id', '=', family.user.id).execute();
    expect(holds.map((h) => h.price_cents)).toEqual([790, 790]);
    expect((await database.db.selectFrom('prestations').select('price_cents').where('id', '=', slot.prestationId).executeTakeFirstOrThrow()).price_cents).toBe(900);
  });

  it("shows and changes nothing of another commune's products", async () => {
    const product = await demoProduct(database.db);
    expect(await (await get('/agent/catalogue', outsider)).text()).not.toContain(`/agent/catalogue/${product.id}"`);
    expect((await get(`/agent/catalogue/${product.id}`, outsider)).status).toBe(403);
    expect((await post(`/agent/catalogue/${product.id}/publication`, [], outsider)).status).toBe(403);
    const created = await post('/agent/catalogue', newProduct({ nom: 'Intrus' }), outsider);
    expect(await created.text()).toContain("Cette inscription n&#39;est pas de vos communes.");
  });
});
