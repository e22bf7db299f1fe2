// « Mes listes »: saved from the product page (« Enregistrer comme liste »), with and without
// htmx; applied to a month, the page opens with the list's days checked and says which it left
// out (full, closed); removed; another family's list is not found.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { bookingFamily, demoProduct, setCapacity } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db, now: () => now() } });
const now = () => new Date('2026-11-27T09:00:00Z');
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue, now });

let cookie: string;
let child: number;
let productId: number;
let matin: number;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  const product = await demoProduct(database.db);
  productId = product.id;
  matin = product.prestations.find((p) => p.label === 'Matin')!.id;
  const family = await bookingFamily(database.db, 'listes@example.fr');
  child = family.dependants[0]!.id;
  cookie = await login(app(), family.user.email);
});

const save = (name: string, dates: string[], htmx = false) =>
  app().request(`/produits/${productId}/panier`, {
    method: 'POST',
    body: new URLSearchParams([['prestation', String(matin)], ['enfant', String(child)], ...dates.map((d) => ['date', d]), ['nom_liste', name], ['action', 'liste']]).toString(),
    headers: { Cookie: cookie, Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded', ...(htmx ? { 'HX-Request': 'true' } : {}) },
  });

describe('Mes listes', () => {
  it('saves a list from the product page, refusing it without a name or a day, and without adding anything to the cart', async () => {
    const unnamed = await save('', ['2026-12-09']);
    expect(unnamed.status).toBe(400);
    expect(await unnamed.text()).toContain('Donnez un nom à la liste (2 à 60 caractères).');
    const noDay = await save('Les mercredis de Jérémy', []);
    const html = await noDay.text();
    expect(html).toContain('la liste en retient les jours de la semaine');
    expect(html).toContain('value="Les mercredis de Jérémy"');

    const saved = await save('Les mercredis de Jérémy', ['2026-12-09']);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/mon-compte/listes?ok=1');
    const byHtmx = await save('Encore les mercredis', ['2026-12-16'], true);
    expect(byHtmx.headers.get('HX-Redirect')).toBe('/mon-compte/listes?ok=1');
    expect(await database.db.selectFrom('holds').select('id').execute()).toEqual([]);
    expect(await (await save('Les mercredis de Jérémy', ['2026-12-09'])).text()).toContain('Vous avez déjà une liste de ce nom.');
    const lists = await database.db.selectFrom('booking_lists').select(['name', 'weekdays']).orderBy('name').execute();
    expect(lists).toEqual([{ name: 'Encore les mercredis', weekdays: [3] }, { name: 'Les mercredis de Jérémy', weekdays: [3] }]);
  });

  it('applies a list to January: its Wednesdays checked, a full one and the holidays left out and said', async () => {
    await setCapacity(database.db, '2027-01-13', 'Matin', 0);
    await database.db.updateTable('products').set({ closed_days: ['2027-01-20'] }).where('id', '=', productId).execute();
    const page = await (await app().request('/mon-compte/listes', { headers: { Cookie: cookie } })).text();
    expect(page).toContain('Jérémy, le mercredi');
    const list = await database.db.selectFrom('booking_lists').select('id').where('name', '=', 'Les mercredis de Jérémy').executeTakeFirstOrThrow();
    const applied = await postForm(app(), `/mon-compte/listes/${list.id}/appliquer`, { mois: '2027-01' }, { Cookie: cookie });
    expect(applied.status).toBe(303);
    const location = applied.headers.get('location')!;
    const params = new URL(location, TEST_ORIGIN).searchParams;
    expect(params.getAll('date')).toEqual(['2027-01-06', '2027-01-27']);
    const product = await (await app().request(location, { headers: { Cookie: cookie } })).text();
    expect(product).toContain('La liste « Les mercredis de Jérémy » a coché ses jours de ce mois');
    expect(product).toContain('mercredi 13 janvier 2027 : non retenu (complet)');
    expect(product).toContain('mercredi 20 janvier 2027 : non retenu (fermé)');
    expect(product).toMatch(/<input type="checkbox" name="date" value="2027-01-06"[^>]*checked/);
    expect((await postForm(app(), `/mon-compte/listes/${list.id}/appliquer`, { mois: '2031-01' }, { Cookie: cookie })).status).toBe(400);
  });

  it("removes a list; another family's list is not found", async () => {
    const list = await database.db.selectFrom('booking_lists').select('id').where('name', '=', 'Encore les mercredis').executeTakeFirstOrThrow();
    const other = await login(app(), (await bookingFamily(database.db, 'voisine@example.fr')).user.email);
    expect((await postForm(app(), `/mon-compte/listes/${list.id}/supprimer`, {}, { Cookie: other })).status).toBe(404);
    expect((await postForm(app(), `/mon-compte/listes/${list.id}/appliquer`, { mois: '2027-01' }, { Cookie: other })).status).toBe(404);
    expect((await postForm(app(), `/mon-compte/listes/${list.id}/supprimer`, {}, { Cookie: cookie })).status).toBe(303);
    expect(await database.db.selectFrom('booking_lists').select('id').where('id', '=', list.id).execute()).toEqual([]);
  });
});
