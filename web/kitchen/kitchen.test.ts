// Effectifs cuisine: meals per day, site and meal type as the kitchen names them, PAI baskets and
// the children with an allergy by name, following bookings and cancellations, for the staff's
// communes only; the CSV says the same.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { placeHolds } from '../../db/queries/booking/booking.ts';
import { productForBooking } from '../../db/queries/booking/booking.ts';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp } from '../../test/helpers/app.ts';
import { payCart } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const now = () => new Date('2026-11-27T08:00:00Z');
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

/** Children of one family booked on a canteen day, paid. */
async function lunch(commune: string, productName: string, meal: string, day: string, children: { first: string; notes?: string }[]) {
  const parent = await createParent(database.db, `${children[0]!.first.toLowerCase()}.${commune}@example.fr`, { commune, status: 'validated' });
  const dependants = [];
  for (const child of children) {
    dependants.push(await database.db.insertInto('dependants').values({ guardian_id: parent.id, first_name: child.first, last_name: 'Cantine', birth_date: '2018-05-05', relationship: 'enfant', notes: child.notes ?? null }).returning('id').executeTakeFirstOrThrow());
  }
  const { id } = await database.db.selectFrom('products').select('id').where('name', '=', productName).executeTakeFirstOrThrow();
  const product = (await productForBooking(database.db, id))!;
  const held = await placeHolds(database.db, {
    userId: parent.id, product, prestationId: product.prestations.find((p) => p.label === meal)!.id, children: dependants, dates: [day],
    family: { quotientFamilial: null, communeId: parent.commune_id }, now: now(), expiresAt: new Date(now().getTime() + 30 * 60_000),
  });
  if (!held.ok) throw new Error(`hold refused: ${JSON.stringify(held.failures)}`);
  await payCart(database.db, parent.id, now());
  return parent;
}

let canteen: string;
let site: string;
let staff: string;
let rosieres: string;
let outsider: string;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  const row = await database.db.selectFrom('products').innerJoin('communes', 'communes.id', 'products.commune_id').select(['products.name', 'products.provider_label', 'communes.slug']).where('products.category', '=', 'cantines').orderBy('products.id').executeTakeFirstOrThrow();
  canteen = row.name;
  site = row.provider_label;
  await createStaff(database.db, 'cuisine@commune.fr', [row.slug]);
  await createStaff(database.db, 'autre@aiguilhe.fr', [row.slug === 'aiguilhe' ? 'bains' : 'aiguilhe']);
  staff = await login(app(), 'cuisine@commune.fr');
  outsider = await login(app(), 'autre@aiguilhe.fr');
  const commune = row.slug;
  await lunch(commune, canteen, 'Repas standard', '2026-12-01', [{ first: 'Ana' }, { first: 'Bilal', notes: 'Allergie aux œufs. Récupéré par sa tante' }]);
  await lunch(commune, canteen, 'PAI - panier repas fourni (allergie)', '2026-12-01', [{ first: 'Chloé', notes: 'PAI signé' }]);
  await lunch(commune, canteen, 'Repas standard', '2026-12-03', [{ first: 'Dylan' }]);
  // A Wednesday of the Rosières accueil: its day and half-day with a meal are meals for the kitchen.
  const wednesday = 'Inscription Accueil Périscolaire (mercredis)';
  await lunch('rosieres', wednesday, 'Journée + Repas', '2026-12-02', [{ first: 'Elsa', notes: 'Régime sans porc' }]);
  await lunch('rosieres', wednesday, 'Matin + Repas', '2026-12-02', [{ first: 'Farid' }]);
  await lunch('rosieres', wednesday, 'Matin', '2026-12-02', [{ first: 'Gaspard', notes: 'Allergie aux arachides' }]);
  await createStaff(database.db, 'cuisine@rosieres.fr', ['rosieres']);
  rosieres = await login(app(), 'cuisine@rosieres.fr');
});

describe('effectifs cuisine', () => {
  it('counts meals per day, site and type, names the children whose plate needs care, and totals each day', async () => {
    const html = await (await get('/agent/cuisine?du=2026-12-01&jours=7', staff)).text();
    expect(html).toContain('mardi 1 décembre 2026');
    // The site where the meal is served, not the activity's name.
    expect(html).not.toContain(`<td>${canteen}</td>`);
    expect(html).toContain(`<td>${site}</td><td>Repas standard</td><td>2</td><td><ul class="kitchen__children"><li>Bilal Cantine : Allergie aux œufs</li></ul></td>`);
    expect(html).not.toContain('tante');
    expect(html).toContain('<td><strong>Panier repas (PAI)</strong></td><td>1</td><td><ul class="kitchen__children"><li>Chloé Cantine : PAI signé</li></ul></td>');
    expect(html).toMatch(/Total du jour<\/th><td>3<\/td><td>2 enfants<\/td>/);
    expect(html).toContain('jeudi 3 décembre 2026');
  });

  it('calls a day or half-day with a meal a « Repas », one line per site, and leaves the meals out of what has none', async () => {
    const html = await (await get('/agent/cuisine?du=2026-12-02&jours=1', rosieres)).text();
    expect(html).toContain('<td>Mairie de Rosières - Accueil de Loisirs</td><td>Repas</td><td>2</td><td><ul class="kitchen__children"><li>Elsa Cantine : Régime sans porc</li></ul></td>');
    expect(html).not.toContain('Journée + Repas');
    expect(html).not.toContain('Gaspard');
    // Another commune's children are not named to them, whatever the period.
    expect(await (await get('/agent/cuisine?du=2026-12-01&jours=7', rosieres)).text()).not.toContain('Bilal');
  });

  it('follows a cancellation at once', async () => {
    const dylan = await database.db.selectFrom('reservations').innerJoin('dependants', 'dependants.id', 'reservations.dependant_id').select('reservations.id').where('dependants.first_name', '=', 'Dylan').executeTakeFirstOrThrow();
    await database.db.updateTable('reservations').set({ state: 'cancelled' }).where('id', '=', dylan.id).execute();
    expect(await (await get('/agent/cuisine?du=2026-12-01&jours=7', staff)).text()).not.toContain('jeudi 3 décembre 2026');
  });

  it('exports the same figures as CSV', async () => {
    const response = await get('/agent/cuisine/export.csv?du=2026-12-01&jours=7', staff);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()).split('\r\n');
    expect(lines[0]).toBe('\uFEFFDate;Commune;Site;Type de repas;Repas;Dont allergie ou régime signalé;Enfants concernés');
    expect(lines.filter((line) => line.startsWith('2026-12-01;'))).toHaveLength(2);
    expect(lines.find((line) => line.includes('Repas standard'))).toMatch(/;2;1;Bilal Cantine : Allergie aux œufs$/);
  });

  it("shows nothing of another commune's canteens", async () => {
    const html = await (await get('/agent/cuisine?du=2026-12-01&jours=7', outsider)).text();
    expect(html).not.toContain(site);
    expect(html).not.toContain('Bilal');
    const csv = new TextDecoder().decode(await (await get('/agent/cuisine/export.csv?du=2026-12-01&jours=7', outsider)).arrayBuffer());
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});
