// Booking through the Hono app: who may hold places, all or nothing, capacity under 60
// concurrent families, and the cart's ownership checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { createOrderFromCart } from '../../db/queries/orders/orders.ts';
import { login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { createHoldActivities } from '../../activities/booking/holds.ts';
import { bookingFamily, demoProduct, holdPlaces, setCapacity } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { basketWorkflowId } from '../../workflows/orders/basket.messages.ts';
import { orderState } from '../../workflows/orders/order.messages.ts';
import { testNow } from '../../test/helpers/clock.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db, now: () => now() } });
let clock = new Date('2026-11-27T09:00:00Z');
const now = () => clock;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
});
afterAll(() => {
  clock = testNow();
});

const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue, now });
const WEDNESDAYS = ['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23'];

async function addToCart(cookie: string, fields: { prestation: number; enfant: number[]; date: string[] }, htmx = false) {
  const body = new URLSearchParams([['prestation', String(fields.prestation)], ...fields.enfant.map((id) => ['enfant', String(id)]), ...fields.date.map((d) => ['date', d])]);
  return app().request(`/produits/${(await demoProduct(database.db)).id}/panier`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost:3000', Cookie: cookie, ...(htmx ? { 'HX-Request': 'true' } : {}) },
    body: body.toString(),
  });
}

const matin = async () => (await demoProduct(database.db)).prestations.find((p) => p.label === 'Matin')!.id;
const liveHolds = (userId: number) => database.db.selectFrom('holds').selectAll().where('user_id', '=', userId).where('state', '=', 'held').execute();

describe('the product page', () => {
  it('shows the month calendar with each open day\'s deadline and the reasons others are closed', async () => {
    const family = await bookingFamily(database.db, 'calendrier@example.fr');
    await setCapacity(database.db, '2026-12-16', 'Matin', 2);
    const html = await (await app().request(`/produits/${(await demoProduct(database.db)).id}`, { headers: { Cookie: await login(app(), family.user.email) } })).text();
    expect(html).toContain('Date de réservation :');
    expect(html).toContain('Décembre 2026');
    expect(html).toContain('jusqu&#39;au lun. 12 h');
    expect(html).toContain('réservable jusqu&#39;au lundi 30 novembre à 12 h');
    expect(html).toMatch(/2 places <span aria-hidden="true">jusqu&#39;au lun\. 12 h/);
    expect(html).toMatch(/Jérémy Pardon <span id="prix-enfant-\d+">\(7,90/);
  });
});

describe('Ajouter au panier', () => {
  it('holds four Wednesdays for one child: "Quantité : 4", "Total : 31,60 €", in the basket workflow of the cart', async () => {
    const family = await bookingFamily(database.db, 'quatre@example.fr');
    const cookie = await login(app(), family.user.email);
    const response = await addToCart(cookie, { prestation: await matin(), enfant: [family.dependants[0]!.id], date: WEDNESDAYS }, true);
    expect(response.status).toBe(200);
    const html = (await response.text()).replace(/[\u00a0\u202f]/g, ' ');
    for (const text of ['Produit ajouté au panier avec succès', 'Matin', 'Quantité : 4', 'Total : 31,60 €', 'Il y a 4 produits dans votre panier.', 'Total produits : (TTC) 31,60 €', 'Taxes : 0,00 €', 'Total : (TTC) 31,60 €', '« Continuer mes achats »', 'Commander »']) {
      expect(html).toContain(text);
    }
    expect(html).toContain('<a id="cart-link" href="/panier" hx-swap-oob="true">Panier : 4 produits – 31,60 €</a>');
    const holds = await liveHolds(family.user.id);
    expect(holds).toHaveLength(4);
    expect(holds.every((hold) => hold.expires_at.getTime() === clock.getTime() + 30 * 60_000)).toBe(true);
    const basket = (await database.db.selectFrom('holds').select('basket').where('user_id', '=', family.user.id).distinct().execute()).map((row) => row.basket);
    expect(basket).toHaveLength(1);
    const handle = temporal.client.workflow.getHandle(basketWorkflowId(basket[0]!));
    expect((await handle.describe()).type).toBe('basket');
    expect((await handle.query(orderState)).status).toBe('cart');

    const page = await app().request('/panier', { headers: { Cookie: cookie } });
    const cart = (await page.text()).replace(/[\u00a0\u202f]/g, ' ');
    expect(cart).toContain('Panier : 4 produits – 31,60 €');
    expect(cart).toContain('Places réservées pour vous encore 30 min.');
    expect(cart).toContain('02-12-2026');
  });

  it('holds nothing when one day is full, lists it, and keeps the other choices', async () => {
    await setCapacity(database.db, '2027-01-13', 'Matin', 0);
    const family = await bookingFamily(database.db, 'complet@example.fr');
    const cookie = await login(app(), family.user.email);
    const response = await addToCart(cookie, { prestation: await matin(), enfant: [family.dependants[0]!.id], date: ['2027-01-06', '2027-01-13'] });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain('Rien n&#39;a été ajouté au panier');
    expect(html).toContain('mercredi 13 janvier 2027 : complet');
    expect(await liveHolds(family.user.id)).toEqual([]);
    // Without JavaScript: a short page, no calendar, and the way back keeps the other choices.
    expect(html).not.toContain('id="calendar"');
    expect(html).toContain(`<input type="hidden" name="enfant" value="${family.dependants[0]!.id}"/>`);
    expect(html).toContain('<input type="hidden" name="date" value="2027-01-06"/>');
    expect(html.slice(html.indexOf('<form method="get"'))).not.toContain('value="2027-01-13"');
    // The full day may be waited for instead.
    expect(html).toContain('<input type="hidden" name="attente" value="2027-01-13"/><button class="button button--secondary" type="submit">M&#39;inscrire sur liste d&#39;attente pour ce jour complet</button>');

    // With htmx: the notice, and the full day swapped alone, unchecked and marked.
    const swapped = await addToCart(cookie, { prestation: await matin(), enfant: [family.dependants[0]!.id], date: ['2027-01-06', '2027-01-13'] }, true);
    expect(swapped.status).toBe(409);
    const fragment = await swapped.text();
    expect(fragment).not.toContain('id="calendar"');
    expect(fragment).toMatch(/<template><td id="jour-2027-01-13" hx-swap-oob="true" class="day day--unavailable day--full">/);
    // Checked for its waiting list, which a button of the calendar's form joins.
    expect(fragment).toContain('<input type="checkbox" name="attente" value="2027-01-13" id="attente-2027-01-13" checked=""/>');
    expect(fragment).toContain('<span id="choisi-2027-01-13" hx-swap-oob="outerHTML"><input type="hidden" name="attente" value="2027-01-13"/></span>');
    expect(fragment).toContain('formaction="/produits/');
    expect(fragment).toContain('mercredi 13 janvier 2027 : complet');
  });

  it('refuses a day past its deadline, a day without service, and the same child twice', async () => {
    const family = await bookingFamily(database.db, 'regles@example.fr');
    const cookie = await login(app(), family.user.email);
    const child = family.dependants[0]!.id;
    const late = await addToCart(cookie, { prestation: await matin(), enfant: [child], date: ['2026-11-25'] });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('mercredi 25 novembre 2026 : délai dépassé');
    expect((await addToCart(cookie, { prestation: await matin(), enfant: [child], date: ['2026-12-03'] })).status).toBe(409);
    expect((await addToCart(cookie, { prestation: await matin(), enfant: [child], date: ['2027-02-03'] })).status).toBe(200);
    const twice = await addToCart(cookie, { prestation: await matin(), enfant: [child], date: ['2027-02-03'] });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain('mercredi 3 février 2027 : déjà réservé');
    expect(await liveHolds(family.user.id)).toHaveLength(1);
  });

  it('asks for a prestation, a child and a date, in French', async () => {
    const family = await bookingFamily(database.db, 'vide@example.fr');
    const response = await addToCart(await login(app(), family.user.email), { prestation: 999999, enfant: [], date: [] });
    expect(response.status).toBe(400);
    const html = await response.text();
    for (const text of ['Choisissez le type de prestation.', 'Cochez au moins un bénéficiaire.', 'Choisissez au moins une date dans le calendrier.']) expect(html).toContain(text);
  });

  it("refuses another family's child, and a family not allowed to buy", async () => {
    const a = await bookingFamily(database.db, 'famille-a@example.fr');
    const b = await bookingFamily(database.db, 'famille-b@example.fr');
    const cookieB = await login(app(), b.user.email);
    expect((await addToCart(cookieB, { prestation: await matin(), enfant: [a.dependants[0]!.id], date: ['2027-03-03'] })).status).toBe(400);
    await database.db.deleteFrom('subscriptions').where('user_id', '=', b.user.id).execute();
    const refused = await addToCart(cookieB, { prestation: await matin(), enfant: [b.dependants[0]!.id], date: ['2027-03-03'] });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Ce produit demande une inscription validée');
    expect(await database.db.selectFrom('holds').select('id').where('service_date', '=', '2027-03-03').execute()).toEqual([]);
  });

  it('gives exactly 10 of 60 families the last 10 places, and tells the others "complet"', async () => {
    await setCapacity(database.db, '2027-03-10', 'Matin', 10);
    const families = [];
    for (let i = 0; i < 60; i += 1) {
      const family = await bookingFamily(database.db, `rush${i}@example.fr`);
      families.push({ family, cookie: await login(app(), family.user.email, undefined, { 'X-Forwarded-For': `10.9.${i}.1` }) });
    }
    const prestation = await matin();
    const responses = await Promise.all(families.map(({ family, cookie }) => addToCart(cookie, { prestation, enfant: [family.dependants[0]!.id], date: ['2027-03-10'] })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(50);
    const refusal = await responses.find((r) => r.status === 409)!.text();
    expect(refusal).toContain('mercredi 10 mars 2027 : complet');
    const held = await database.db.selectFrom('holds').select((eb) => eb.fn.countAll<number>().as('n')).where('service_date', '=', '2027-03-10').where('state', '=', 'held').executeTakeFirstOrThrow();
    expect(Number(held.n)).toBe(10);
  }, 120_000);
});

describe('the cart', () => {
  it('removes one date, then a whole line, releasing the places', async () => {
    const family = await bookingFamily(database.db, 'retirer@example.fr');
    const cookie = await login(app(), family.user.email);
    await addToCart(cookie, { prestation: await matin(), enfant: [family.dependants[0]!.id], date: ['2027-04-07', '2027-04-14', '2027-04-21', '2027-04-28'] });
    const [first, ...rest] = await liveHolds(family.user.id);
    const removed = await postForm(app(), '/panier/retirer', { hold: String(first!.id) }, { Cookie: cookie });
    expect(removed.headers.get('location')).toBe('/panier?retire=1');
    const cart = (await (await app().request('/panier?retire=1', { headers: { Cookie: cookie } })).text()).replace(/[\u00a0\u202f]/g, ' ');
    expect(cart).toContain('La date a été retirée du panier et la place libérée.');
    expect(cart).toContain('23,70 €');
    const body = new URLSearchParams(rest.map((hold) => ['hold', String(hold.id)]));
    await app().request('/panier/retirer', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost:3000', Cookie: cookie }, body: body.toString() });
    expect(await liveHolds(family.user.id)).toEqual([]);
  });

  it('keeps a place that is a line of an order being paid, and says why', async () => {
    const family = await bookingFamily(database.db, 'retirer-en-commande@example.fr');
    const cookie = await login(app(), family.user.email);
    await addToCart(cookie, { prestation: await matin(), enfant: [family.dependants[0]!.id], date: ['2027-05-12'] });
    const [hold] = await liveHolds(family.user.id);
    // « Commander » in another tab: the place is now a line of the order being paid.
    const order = await createOrderFromCart(database.db, family.user.id, now());
    expect(order).not.toBeNull();
    // Its page, in « Mes commandes », says where it stands in French.
    expect(await (await app().request(`/mon-compte/commandes/${order!.number}`, { headers: { Cookie: cookie } })).text()).toContain('– En cours de commande');
    const refused = await postForm(app(), '/panier/retirer', { hold: String(hold!.id) }, { Cookie: cookie });
    expect(refused.headers.get('location')).toBe('/panier?en-commande=1');
    expect((await liveHolds(family.user.id)).map((h) => h.id)).toEqual([hold!.id]);
    const cart = (await (await app().request('/panier?en-commande=1', { headers: { Cookie: cookie } })).text()).replace(/[\u00a0\u202f]/g, ' ');
    expect(cart).toContain('Cette date fait partie d’une commande en cours : elle reste réservée.');
    expect(cart).toContain('href="/mon-compte/commandes"');
  });

  it("cannot remove another family's place", async () => {
    const a = await bookingFamily(database.db, 'cart-a@example.fr');
    const b = await bookingFamily(database.db, 'cart-b@example.fr');
    await addToCart(await login(app(), a.user.email), { prestation: await matin(), enfant: [a.dependants[0]!.id], date: ['2027-05-05'] });
    const [hold] = await liveHolds(a.user.id);
    expect((await postForm(app(), '/panier/retirer', { hold: String(hold!.id) }, { Cookie: await login(app(), b.user.email) })).status).toBe(404);
    expect(await liveHolds(a.user.id)).toHaveLength(1);
  });

  it('drops expired places with a message, and frees them', async () => {
    const family = await bookingFamily(database.db, 'expire@example.fr');
    const cookie = await login(app(), family.user.email);
    await addToCart(cookie, { prestation: await matin(), enfant: [family.dependants[0]!.id], date: ['2027-05-12'] });
    clock = new Date(clock.getTime() + 31 * 60_000);
    const cart = await (await app().request('/panier', { headers: { Cookie: await login(app(), family.user.email) } })).text();
    expect(cart).toContain('Une place réservée pour vous a expiré : elle a été libérée.');
    expect(cart).toContain('Votre panier est vide.');
    clock = new Date(clock.getTime() - 31 * 60_000);
  });
});

describe('removing a child with reservations', () => {
  it('is refused while reservations are to come, listing them; afterwards the history stays', async () => {
    const family = await bookingFamily(database.db, 'historique@example.fr');
    const child = family.dependants[0]!;
    const held = await holdPlaces(database.db, family, 'Journée', ['2026-12-16'], clock);
    if (!held.ok) throw new Error('hold refused');
    await createHoldActivities({ db: database.db, now }).confirmHold({ holdId: held.holdIds[0]!, orderLineId: null });
    const cookie = await login(app(), family.user.email);

    const refused = await postForm(app(), `/mon-compte/filiations/${child.id}/supprimer`, {}, { Cookie: cookie });
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toContain('Jérémy Pardon ne peut pas être retiré(e) : des réservations sont à venir.');
    expect(html).toContain('mercredi 16 décembre 2026 : Inscription Accueil Périscolaire (mercredis) (Journée)');

    clock = new Date('2026-12-20T09:00:00Z');
    const removed = await postForm(app(), `/mon-compte/filiations/${child.id}/supprimer`, {}, { Cookie: await login(app(), family.user.email) });
    expect(removed.status).toBe(303);
    const row = await database.db.selectFrom('dependants').select('removed_at').where('id', '=', child.id).executeTakeFirstOrThrow();
    expect(row.removed_at).not.toBeNull();
    expect(await database.db.selectFrom('reservations').select('id').where('dependant_id', '=', child.id).execute()).toHaveLength(1);
    clock = new Date('2026-11-27T09:00:00Z');
  });
});
