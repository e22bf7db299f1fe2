// Effectifs cuisine: meals per day, site and meal type as the kitchen names them, PAI baskets and,
// for today's service only, the children whose plate needs care by name (from their fiche
// sanitaire, journalled); other days and the CSV only count; the staff's communes only.
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
// The day of the first service, 10:00 in Paris: the day whose children the kitchen may name.
const serviceDay = () => new Date('2026-12-01T09:00:00Z');
const app = (clock = now) => createTestApp({ db: database.db, temporal: temporal.client, now: clock });
const get = (path: string, cookie: string, clock = now) => app(clock).request(path, { headers: { Cookie: cookie } });
// A session lives 12 hours at most: staff sign in again on the day they read.
const sessions = new Map<string, string>();
async function signedInAt(email: string, clock: () => Date): Promise<string> {
  const key = `${email} ${clock().toISOString()}`;
  if (!sessions.has(key)) sessions.set(key, await login(app(clock), email));
  return sessions.get(key)!;
}
const emails = new Map<string, string>();
const onDay = async (path: string, cookie: string, clock: () => Date) => get(path, await signedInAt(emails.get(cookie)!, clock), clock);
const onServiceDay = (path: string, cookie: string) => onDay(path, cookie, serviceDay);

type Fiche = { allergies?: string; diets?: string[]; has_pai?: boolean; treatments?: string; notes?: string };

/** Children of one family booked on a canteen day, paid. */
async function lunch(commune: string, productName: string, meal: string, day: string, children: { first: string; fiche?: Fiche }[]) {
  const parent = await createParent(database.db, `${children[0]!.first.toLowerCase()}.${commune}@example.fr`, { commune, status: 'validated' });
  const dependants = [];
  for (const child of children) {
    dependants.push(await database.db.insertInto('dependants').values({ guardian_id: parent.id, first_name: child.first, last_name: 'Cantine', birth_date: '2018-05-05', relationship: 'enfant' }).returning('id').executeTakeFirstOrThrow());
    if (child.fiche) {
      await database.db
        .insertInto('child_health_records')
        .values({ dependant_id: dependants.at(-1)!.id, version: 1, allergies: null, treatments: null, notes: null, ...child.fiche, recorded_by: parent.id, recorded_at: now() })
        .execute();
    }
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
  emails.set(staff, 'cuisine@commune.fr').set(outsider, 'autre@aiguilhe.fr');
  const commune = row.slug;
  await lunch(commune, canteen, 'Repas standard', '2026-12-01', [
    { first: 'Ana', fiche: { notes: 'Récupérée par son oncle' } },
    { first: 'Bilal', fiche: { allergies: 'Œufs', diets: ['sans-porc'], treatments: 'Ventoline', notes: 'Récupéré par sa tante' } },
  ]);
  await lunch(commune, canteen, 'PAI - panier repas fourni (allergie)', '2026-12-01', [{ first: 'Chloé', fiche: { has_pai: true, diets: ['pai-panier'] } }]);
  await lunch(commune, canteen, 'Repas standard', '2026-12-03', [{ first: 'Dylan', fiche: { diets: ['vegetarien'] } }]);
  // A Wednesday of the Rosières accueil: its day and half-day with a meal are meals for the kitchen.
  const wednesday = 'Inscription Accueil Périscolaire (mercredis)';
  await lunch('rosieres', wednesday, 'Journée + Repas', '2026-12-02', [{ first: 'Elsa', fiche: { diets: ['sans-porc'] } }]);
  await lunch('rosieres', wednesday, 'Matin + Repas', '2026-12-02', [{ first: 'Farid' }]);
  await lunch('rosieres', wednesday, 'Matin', '2026-12-02', [{ first: 'Gaspard', fiche: { allergies: 'Arachides' } }]);
  await createStaff(database.db, 'cuisine@rosieres.fr', ['rosieres']);
  rosieres = await login(app(), 'cuisine@rosieres.fr');
  emails.set(rosieres, 'cuisine@rosieres.fr');
});

const kitchenViews = () =>
  database.db.selectFrom('audit_log').select(['actor_id', 'subject_type', 'subject_id', 'details']).where('action', '=', 'child-health.kitchen-viewed').orderBy('id').execute();

describe('effectifs cuisine', () => {
  it("names on today's service the children whose plate needs care, with only what the fiche says of the plate, and journals the view", async () => {
    const before = (await kitchenViews()).length;
    const html = await (await onServiceDay('/agent/cuisine?du=2026-12-01&jours=7', staff)).text();
    expect(html).toContain('mardi 1 décembre 2026');
    // The site where the meal is served, not the activity's name.
    expect(html).not.toContain(`<td>${canteen}</td>`);
    expect(html).toContain(`<td>${site}</td><td>Repas standard</td><td>2</td><td><ul class="kitchen__children"><li>Bilal Cantine : allergies : Œufs ; Sans porc</li></ul></td>`);
    expect(html).toContain('<td><strong>Panier repas (PAI)</strong></td><td>1</td><td><ul class="kitchen__children"><li>Chloé Cantine : PAI : panier-repas</li></ul></td>');
    expect(html).toMatch(/Total du jour<\/th><td>3<\/td><td>2 enfants<\/td>/);
    // Nothing else of the fiche: no treatment, no note, no one without a need.
    for (const word of ['Ventoline', 'tante', 'oncle', 'Ana Cantine']) expect(html).not.toContain(word);
    // Another day of the same page: counted, never named.
    expect(html).toContain('jeudi 3 décembre 2026');
    expect(html).toContain('<ul class="kitchen__needs"><li>Végétarien : 1 enfant</li></ul>');
    expect(html).not.toContain('Dylan');
    const views = (await kitchenViews()).slice(before);
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ subject_type: 'product', details: { day: '2026-12-01' } });
    expect(JSON.stringify(views[0]!.details)).not.toMatch(/Bilal|Chloé|Œufs/);
  });

  it('counts per need without a name on any day but today, and journals nothing', async () => {
    const before = (await kitchenViews()).length;
    const html = await (await get('/agent/cuisine?du=2026-12-01&jours=7', staff)).text();
    expect(html).toContain(`<td>${site}</td><td>Repas standard</td><td>2</td><td><ul class="kitchen__needs"><li>Allergie signalée : 1 enfant</li><li>Sans porc : 1 enfant</li></ul></td>`);
    expect(html).toContain('<td><strong>Panier repas (PAI)</strong></td><td>1</td><td><ul class="kitchen__needs"><li>PAI : panier-repas : 1 enfant</li></ul></td>');
    expect(html).toMatch(/Total du jour<\/th><td>3<\/td><td>2 enfants<\/td>/);
    for (const word of ['Bilal', 'Chloé', 'Œufs']) expect(html).not.toContain(word);
    expect(await kitchenViews()).toHaveLength(before);
  });

  it('calls a day or half-day with a meal a « Repas », one line per site, and leaves the meals out of what has none', async () => {
    const html = await (await onDay('/agent/cuisine?du=2026-12-02&jours=1', rosieres, () => new Date('2026-12-02T09:00:00Z'))).text();
    expect(html).toContain('<td>Mairie de Rosières - Accueil de Loisirs</td><td>Repas</td><td>2</td><td><ul class="kitchen__children"><li>Elsa Cantine : Sans porc</li></ul></td>');
    expect(html).not.toContain('Journée + Repas');
    expect(html).not.toContain('Gaspard');
    // Another commune's children are not named to them, even on their day.
    expect(await (await onServiceDay('/agent/cuisine?du=2026-12-01&jours=7', rosieres)).text()).not.toContain('Bilal');
  });

  it('follows a cancellation at once', async () => {
    const dylan = await database.db.selectFrom('reservations').innerJoin('dependants', 'dependants.id', 'reservations.dependant_id').select('reservations.id').where('dependants.first_name', '=', 'Dylan').executeTakeFirstOrThrow();
    await database.db.updateTable('reservations').set({ state: 'cancelled' }).where('id', '=', dylan.id).execute();
    expect(await (await get('/agent/cuisine?du=2026-12-01&jours=7', staff)).text()).not.toContain('jeudi 3 décembre 2026');
  });

  it('exports the same counts as CSV, without a name even on the day', async () => {
    const response = await onServiceDay('/agent/cuisine/export.csv?du=2026-12-01&jours=7', staff);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    const lines = text.split('\r\n');
    expect(lines[0]).toBe("\uFEFFDate;Commune;Site;Type de repas;Repas;Allergies, régimes et PAI (nombre d'enfants)");
    expect(lines.filter((line) => line.startsWith('2026-12-01;'))).toHaveLength(2);
    expect(lines.find((line) => line.includes('Repas standard'))).toMatch(/;2;Allergie signalée : 1, Sans porc : 1$/);
    expect(text).not.toMatch(/Bilal|Chloé|Œufs/);
  });

  it("shows nothing of another commune's canteens", async () => {
    const html = await (await onServiceDay('/agent/cuisine?du=2026-12-01&jours=7', outsider)).text();
    expect(html).not.toContain(site);
    expect(html).not.toContain('Bilal');
    const csv = new TextDecoder().decode(await (await get('/agent/cuisine/export.csv?du=2026-12-01&jours=7', outsider)).arrayBuffer());
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});
