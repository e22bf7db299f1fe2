// Prices shown are prices charged: for a family with two children and a quotient familial, on a
// product with tiers and a sibling reduction, the page's price beside each child (full page and
// the htmx refresh when the prestation or the children change) is what the cart then holds.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { login } from '../../test/helpers/accounts.ts';
import { createTestApp, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { bookingFamily, demoProduct } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db, now: () => now() } });
const now = () => new Date('2026-11-27T09:00:00Z');
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue, now });

let productId: number;
let cookie: string;
let children: number[];

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  productId = (await demoProduct(database.db)).id;
  const rules = { qfTiers: [{ label: 'QF 1', upTo: 600, percent: 50 }, { label: 'QF 2', upTo: 1200, percent: 80 }, { label: 'QF 3', upTo: null, percent: 100 }], siblingReductions: [{ rank: 2, percentOff: 25 }] };
  await database.db.updateTable('products').set({ pricing: JSON.stringify(rules) }).where('id', '=', productId).execute();
  // Listed in another order than their ages: the eldest is ranked first all the same.
  const family = await bookingFamily(database.db, 'fratrie@example.fr', [{ first: 'Cadette', birth: '2019-03-03' }, { first: 'Aîné', birth: '2015-01-01' }]);
  await database.db.updateTable('users').set({ quotient_familial: 700 }).where('id', '=', family.user.id).execute();
  children = family.dependants.map((d) => d.id);
  cookie = await login(app(), family.user.email);
});

/** The price the page shows beside each child, by child id. */
function shownPrices(html: string): Map<number, number> {
  return new Map([...html.matchAll(/id="prix-enfant-(\d+)"[^>]*>\((\d+),(\d\d)\u00a0€\)/g)].map((m) => [Number(m[1]), Number(m[2]) * 100 + Number(m[3])]));
}

const prestationId = async (label: string) => (await demoProduct(database.db)).prestations.find((p) => p.label === label)!.id;

describe('prices shown', () => {
  it('are the prices the cart charges, for siblings and a quotient familial tier', async () => {
    const matin = await prestationId('Matin');
    const query = new URLSearchParams([['prestation', String(matin)], ...children.map((id) => ['enfant', String(id)])]);
    const page = shownPrices(await (await app().request(`/produits/${productId}?${query}`, { headers: { Cookie: cookie } })).text());
    // 7,90 € at 80 % = 6,32 €; the younger, second child of the day, 25 % less: 4,74 €.
    expect([...page.values()].sort((a, b) => a - b)).toEqual([474, 632]);

    const body = new URLSearchParams([['prestation', String(matin)], ...children.map((id) => ['enfant', String(id)]), ['date', '2026-12-16']]);
    const added = await app().request(`/produits/${productId}/panier`, { method: 'POST', body: body.toString(), headers: { Cookie: cookie, Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(added.status).toBe(200);
    const held = await database.db.selectFrom('holds').select(['dependant_id', 'price_cents', 'service_date']).where('service_date', '=', '2026-12-16').execute();
    expect(new Map(held.map((h) => [h.dependant_id, h.price_cents]))).toEqual(page);
  });

  it('follow a change of prestation or of children in the htmx refresh', async () => {
    const journee = await prestationId('Journée');
    const both = new URLSearchParams([['prestation', String(journee)], ...children.map((id) => ['enfant', String(id)])]);
    const refreshed = await (await app().request(`/produits/${productId}/calendrier?${both}`, { headers: { Cookie: cookie, 'HX-Request': 'true' } })).text();
    expect(refreshed).toContain('hx-swap-oob="true"');
    // 13,50 € at 80 % = 10,80 €; the second child 8,10 €.
    expect([...shownPrices(refreshed).values()].sort((a, b) => a - b)).toEqual([810, 1080]);
    const youngerAlone = new URLSearchParams([['prestation', String(journee)], ['enfant', String(children[0])]]);
    const alone = shownPrices(await (await app().request(`/produits/${productId}/calendrier?${youngerAlone}`, { headers: { Cookie: cookie, 'HX-Request': 'true' } })).text());
    // Opened as a page rather than by htmx, the fragment's address leads to its product's page.
    const asPage = await app().request(`/produits/${productId}/calendrier?${youngerAlone}`, { headers: { Cookie: cookie } });
    expect(asPage.status).toBe(303);
    expect(asPage.headers.get('location')).toBe(`/produits/${productId}?${youngerAlone}`);
    // Booked alone, the younger child is the first of the day: no sibling reduction.
    expect(alone.get(children[0]!)).toBe(1080);
  });
});
