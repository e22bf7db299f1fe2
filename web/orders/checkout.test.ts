// "Commander": the order's workflow carries what operators search by in the Temporal Web UI from
// its start to its end; and when the Temporal server cannot be reached, no order is left behind
// without its workflow: the places go back to the cart and the parent is told to try again.
import { Client, Connection } from '@temporalio/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { cartSummary } from '../../db/queries/booking/cart.ts';
import { createOrderFromCart } from '../../db/queries/orders/orders.ts';
import { login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { addDays } from '../../domain/dates.ts';
import { bookingFamily, holdPlaces, serviceDaysFrom } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { balance, ledgerMismatches, moveMoney } from '../../db/queries/wallet/wallet.ts';
import { until } from '../../test/helpers/until.ts';
import { addHomeAddress } from '../../test/helpers/booking.ts';
import { AccountAttribute, OrderNumberAttribute, ProcessStateAttribute, TotalCentsAttribute } from '../../workflows/common/search-attributes.ts';
import { orderState, orderWorkflowId } from '../../workflows/orders/order.messages.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { bookableSeasonDay, testNow, testToday } from '../../test/helpers/clock.ts';
import { booksProblems } from '../../db/queries/regies/index.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db } });

// Two Wednesdays two weeks and more ahead of the tests' clock.
let day = '';
let nextDay = '';
beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
  [day, nextDay] = (await serviceDaysFrom(database.db, 'Matin', addDays(testToday(), 14), 2)) as [string, string];
});

/** A family's order of one day brought to « 05. Paiement » through the pages: address, terms. */
async function atPaymentStep(email: string, serviceDay: string) {
  const app = createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
  const family = await bookingFamily(database.db, email);
  const addressId = await addHomeAddress(database.db, family.user.id);
  if (!(await holdPlaces(database.db, family, 'Matin', [serviceDay], testNow())).ok) throw new Error('hold refused');
  const cookie = await login(app, family.user.email);
  const number = /\/commande\/(\d{4}-\d{6})\//.exec((await postForm(app, '/commande', {}, { Cookie: cookie })).headers.get('location') ?? '')![1]!;
  await postForm(app, `/commande/${number}/adresse`, { adresse: String(addressId) }, { Cookie: cookie });
  await postForm(app, `/commande/${number}/conditions`, { cgv: '1' }, { Cookie: cookie });
  return { app, family, cookie, number };
}

describe('Commander', () => {
  it('hands the order to its basket, searchable by number, and the workflow sets the lasting statuses', async () => {
    const app = createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
    const family = await bookingFamily(database.db, 'Cherchable@example.fr');
    const addressId = await addHomeAddress(database.db, family.user.id);
    await moveMoney(database.db, { userId: family.user.id, amountCents: 5000, kind: 'topup', label: 'Recharge', idempotencyKey: 'attributes-topup' });
    if (!(await holdPlaces(database.db, family, 'Matin', [day], testNow())).ok) throw new Error('hold refused');
    const cookie = await login(app, family.user.email);
    const number = /\/commande\/(\d{4}-\d{6})\//.exec((await postForm(app, '/commande', {}, { Cookie: cookie })).headers.get('location') ?? '')![1]!;
    const handle = temporal.client.workflow.getHandle(orderWorkflowId(number));
    // The places were held without the page (so without their basket): « Commander » started it.
    const description = await handle.describe();
    expect(description.type).toBe('basket');
    const started = description.typedSearchAttributes;
    expect(started.get(OrderNumberAttribute)).toBe(number);
    expect(started.get(ProcessStateAttribute)).toBe('cart');
    expect(started.get(TotalCentsAttribute)).toBeUndefined();
    // The account's number, never the e-mail, in what Temporal's visibility keeps in clear.
    expect(started.get(AccountAttribute)).toBe(family.user.id);
    expect(JSON.stringify(description.searchAttributes)).not.toContain('cherchable');
    expect((await handle.query(orderState)).status).toBe('checkout');

    await postForm(app, `/commande/${number}/adresse`, { adresse: String(addressId) }, { Cookie: cookie });
    await postForm(app, `/commande/${number}/conditions`, { cgv: '1' }, { Cookie: cookie });
    expect((await postForm(app, `/commande/${number}/paiement`, { porte_monnaie: 'tout' }, { Cookie: cookie })).headers.get('location')).toBe(`/commande/${number}/confirmation`);
    // What operators read of the process agrees with the order's row: its address and terms taken.
    expect(await handle.query(orderState)).toMatchObject({ status: 'paid', addressChosen: true, termsAccepted: true });
    // "Payer" answered once paid: the confirmation reads the order's row, already paid, and leads on.
    const confirmed = await (await app.request(`/commande/${number}/confirmation`, { headers: { Cookie: cookie } })).text();
    expect(confirmed).toContain(`Commande ${number} confirmée`);
    expect(confirmed).toContain('href="/mon-compte/e-billets"');
    expect(confirmed).toContain('href="/mon-compte/reservations"');
    await handle.result();
    const ended = (await handle.describe()).typedSearchAttributes;
    expect(ended.get(ProcessStateAttribute)).toBe('paid');
    expect(ended.get(TotalCentsAttribute)).toBe(790);
  });

  it('sends a page opened out of order to the step it lacks: the address, then the terms, then the payment', async () => {
    const app = createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
    const family = await bookingFamily(database.db, 'desordre@example.fr');
    const addressId = await addHomeAddress(database.db, family.user.id);
    if (!(await holdPlaces(database.db, family, 'Matin', [day], testNow())).ok) throw new Error('hold refused');
    const cookie = await login(app, family.user.email);
    const number = /\/commande\/(\d{4}-\d{6})\//.exec((await postForm(app, '/commande', {}, { Cookie: cookie })).headers.get('location') ?? '')![1]!;
    const open = (step: string) => app.request(`/commande/${number}/${step}`, { headers: { Cookie: cookie } });
    const said = async (step: string) => (await (await open(step)).text()).replaceAll('&#39;', "'");

    for (const step of ['paiement', 'conditions']) {
      const early = await open(step);
      expect(early.status, step).toBe(303);
      expect(early.headers.get('location'), step).toBe(`/commande/${number}/adresse?manquant=1`);
    }
    expect(await said('adresse?manquant=1')).toContain("Choisissez d'abord l'adresse de facturation");
    expect(await said('adresse')).not.toContain("Choisissez d'abord");
    await postForm(app, `/commande/${number}/adresse`, { adresse: String(addressId) }, { Cookie: cookie });
    expect((await open('conditions')).status).toBe(200);
    const beforeTerms = await open('paiement');
    expect(beforeTerms.headers.get('location')).toBe(`/commande/${number}/conditions?manquant=1`);
    expect(await said('conditions?manquant=1')).toContain("Acceptez d'abord les conditions générales de vente");
    await postForm(app, `/commande/${number}/conditions`, { cgv: '1' }, { Cookie: cookie });
    const payment = await open('paiement');
    expect(payment.status).toBe(200);
    expect(await payment.text()).toContain('Paiement');
  });

  it('takes a new address inside the step: refused next to its fields, then saved to Mes adresses and chosen', async () => {
    const app = createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
    const family = await bookingFamily(database.db, 'sans-adresse@example.fr');
    if (!(await holdPlaces(database.db, family, 'Matin', [day], testNow())).ok) throw new Error('hold refused');
    const cookie = await login(app, family.user.email);
    const number = /\/commande\/(\d{4}-\d{6})\//.exec((await postForm(app, '/commande', {}, { Cookie: cookie })).headers.get('location') ?? '')![1]!;
    const step = await (await app.request(`/commande/${number}/adresse`, { headers: { Cookie: cookie } })).text();
    expect(step).toContain(`action="/commande/${number}/adresse/nouvelle"`);
    expect(step).toContain('Indiquez votre adresse de facturation');

    const bad = await postForm(app, `/commande/${number}/adresse/nouvelle`, { label: 'Domicile', line1: '3 rue des Tanneries', postal_code: '430', city: 'Rosières' }, { Cookie: cookie });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Le code postal doit compter 5 chiffres (exemple : 43000).');
    expect(html).toContain('value="3 rue des Tanneries"');
    expect(await database.db.selectFrom('addresses').select('id').where('user_id', '=', family.user.id).execute()).toEqual([]);

    const saved = await postForm(app, `/commande/${number}/adresse/nouvelle`, { label: 'Domicile', line1: '3 rue des Tanneries', postal_code: '43800', city: 'Rosières' }, { Cookie: cookie });
    expect(saved.headers.get('location')).toBe(`/commande/${number}/conditions`);
    const address = await database.db.selectFrom('addresses').select(['is_default']).where('user_id', '=', family.user.id).executeTakeFirstOrThrow();
    expect(address.is_default).toBe(true);
    expect((await database.db.selectFrom('orders').select('billing_address').where('number', '=', number).executeTakeFirstOrThrow()).billing_address).toContain('3 rue des Tanneries');
    // The next step, its title and the steps' names spelt right.
    const terms = await (await app.request(`/commande/${number}/conditions`, { headers: { Cookie: cookie } })).text();
    expect(terms).toContain('<h1>Conditions générales de vente</h1>');
    expect(terms).toContain('04. Conditions générales de vente');
  });

  it('goes back to the order when « Commander » is sent again after its process died before telling the basket', async () => {
    const app = createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
    const family = await bookingFamily(database.db, 'commande-perdue@example.fr');
    if (!(await holdPlaces(database.db, family, 'Matin', [day], testNow())).ok) throw new Error('hold refused');
    // The first « Commander » wrote the order, then its process died: the basket never heard of it.
    const lost = (await createOrderFromCart(database.db, family.user.id, testNow()))!;
    const cookie = await login(app, family.user.email);

    const again = await postForm(app, '/commande', {}, { Cookie: cookie });
    expect(again.headers.get('location')).toBe(`/commande/${lost.number}/recapitulatif`);
    const state = await temporal.client.workflow.getHandle(orderWorkflowId(lost.number)).query(orderState);
    expect(state).toMatchObject({ status: 'checkout', totalCents: 790 });
    expect(await database.db.selectFrom('orders').select('number').where('user_id', '=', family.user.id).execute()).toEqual([{ number: lost.number }]);
    // Sent a third time, once the basket has it: the same order, still in its checkout.
    expect((await postForm(app, '/commande', {}, { Cookie: cookie })).headers.get('location')).toBe(`/commande/${lost.number}/recapitulatif`);
    expect((await temporal.client.workflow.getHandle(orderWorkflowId(lost.number)).query(orderState)).status).toBe('checkout');
  });

  it('undoes the order when its workflow cannot start, and keeps the cart', async () => {
    const nowhere = Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: 200 });
    const app = createTestApp({ db: database.db, temporal: new Client({ connection: nowhere }), placeOrderDeadlineMs: 2_000 });
    const family = await bookingFamily(database.db, 'sans-temporal@example.fr');
    if (!(await holdPlaces(database.db, family, 'Matin', [day], testNow())).ok) throw new Error('hold refused');
    const cookie = await login(app, family.user.email);

    const response = await postForm(app, '/commande', {}, { Cookie: cookie });
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('Votre commande n&#39;a pas pu être enregistrée');
    expect(await database.db.selectFrom('orders').select('id').where('user_id', '=', family.user.id).execute()).toEqual([]);
    expect((await cartSummary(database.db, family.user.id, testNow())).count).toBe(1);
  }, 60_000);

  it('keeps an order sent again while Temporal cannot be reached: its basket may know it already', async () => {
    const nowhere = Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: 200 });
    const app = createTestApp({ db: database.db, temporal: new Client({ connection: nowhere }), placeOrderDeadlineMs: 2_000 });
    const family = await bookingFamily(database.db, 'renvoi-sans-temporal@example.fr');
    if (!(await holdPlaces(database.db, family, 'Matin', [day], testNow())).ok) throw new Error('hold refused');
    const sent = (await createOrderFromCart(database.db, family.user.id, testNow()))!;
    const cookie = await login(app, family.user.email);

    expect((await postForm(app, '/commande', {}, { Cookie: cookie })).status).toBe(503);
    expect(await database.db.selectFrom('orders').select('number').where('user_id', '=', family.user.id).execute()).toEqual([{ number: sent.number }]);
    expect(await database.db.selectFrom('order_lines').select('hold_id').where('order_id', '=', sent.orderId).execute()).toEqual(sent.holdIds.map((id) => ({ hold_id: id })));
  }, 60_000);

  it('pays by card even when the notification is lost: the signed return carries the outcome', async () => {
    const { app, family, cookie, number } = await atPaymentStep('retour-signe@example.fr', nextDay);
    const page = await (await postForm(app, `/commande/${number}/paiement`, { carte: 'VISA' }, { Cookie: cookie })).text();
    const fields = [...page.matchAll(/<input type="hidden" name="(PBX_[A-Z_]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&')]);
    expect(fields.length).toBeGreaterThan(5);
    // Back on the payment step (a reload): the way to the same card payment, not a new one.
    const again = await (await app.request(`/commande/${number}/paiement`, { headers: { Cookie: cookie } })).text();
    // The reference carries a random part, the same on the reload.
    const reference = fields.find(([name]) => name === 'PBX_CMD')![1];
    expect(reference).toMatch(new RegExp(`^order-${number}-[0-9a-f]{10}$`));
    expect(again).toContain(`name="PBX_CMD" value="${reference}"`);

    // The sandbox's notification goes to http://localhost:3000, where nothing listens in this
    // test: it is lost. The browser still comes back with the signed outcome.
    const paid = await app.request('/sandbox/paybox/payer', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN },
      body: new URLSearchParams([...fields, ['choice', 'accepted']]).toString(),
    });
    const back = new URL(paid.headers.get('location')!);
    expect(back.pathname).toBe(`/commande/${number}/confirmation`);
    expect((await database.db.selectFrom('orders').select('state').where('number', '=', number).executeTakeFirstOrThrow()).state).not.toBe('paid');

    await app.request(back.pathname + back.search, { headers: { Cookie: cookie } });
    await temporal.client.workflow.getHandle(orderWorkflowId(number)).result();
    expect(await (await app.request(`/commande/${number}/confirmation`, { headers: { Cookie: cookie } })).text()).toContain(`Commande ${number} confirmée`);
    // A second return with the same fields changes nothing.
    expect((await app.request(back.pathname + back.search, { headers: { Cookie: cookie } })).status).toBe(200);
    expect(await database.db.selectFrom('payments').select('state').where('user_id', '=', family.user.id).execute()).toEqual([{ state: 'paid' }]);
    // « Payer » sent again once paid, as a parent does whose first answer was lost with a server
    // process: the confirmation, not an error page (its workflow has ended).
    const payAgain = await postForm(app, `/commande/${number}/paiement`, { carte: 'VISA' }, { Cookie: cookie });
    expect(payAgain.status).toBe(303);
    expect(payAgain.headers.get('location')).toBe(`/commande/${number}/confirmation`);
  });

  it('a card refused keeps the order and its places: another try or the wallet; its refusal notified late changes nothing, its money taken late goes to the wallet', async () => {
    const { app, family, cookie, number } = await atPaymentStep('carte-refusee@example.fr', nextDay);
    await moveMoney(database.db, { userId: family.user.id, amountCents: 5000, kind: 'topup', label: 'Recharge', idempotencyKey: 'carte-refusee' });
    const page = await (await postForm(app, `/commande/${number}/paiement`, { carte: 'VISA' }, { Cookie: cookie })).text();
    const fields = [...page.matchAll(/<input type="hidden" name="(PBX_[A-Z_]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&')]);
    const refused = await app.request('/sandbox/paybox/payer', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN },
      body: new URLSearchParams([...fields, ['choice', 'refused']]).toString(),
    });
    const back = new URL(refused.headers.get('location')!);
    const confirmation = async () => (await app.request(back.pathname + back.search, { headers: { Cookie: cookie } })).text();
    const html = await until(confirmation, (text) => text.includes('paiement non abouti'));
    expect(html).toContain('paiement par carte refusé');
    expect(html).toContain('Vos places restent réservées pour vous');
    expect(html).toContain(`href="/commande/${number}/paiement"`);
    expect(html).toContain('Payer avec mon porte-monnaie');
    const holds = await database.db.selectFrom('holds').select('state').where('user_id', '=', family.user.id).execute();
    expect(holds).toEqual([{ state: 'held' }]);
    // The provider's notification of the refused payment, after the browser's return: nothing more happens.
    expect(await (await app.request(`/paiement/notification${back.search}`)).text()).toBe('OK');
    expect((await temporal.client.workflow.getHandle(orderWorkflowId(number)).query(orderState)).status).toBe('checkout');
    // « Mes commandes » lists it and leads back to it as well.
    expect(await (await app.request('/mon-compte/commandes', { headers: { Cookie: cookie } })).text()).toContain(`href="/mon-compte/commandes/${number}"`);
    const waiting = await (await app.request(`/mon-compte/commandes/${number}`, { headers: { Cookie: cookie } })).text();
    expect(waiting).toContain('Reprendre le paiement');
    expect(waiting).toContain('Aucun paiement reçu : rien ne vous a été prélevé.');
    // The payment step again, as the page's link leads: the wallet pays.
    expect((await app.request(`/commande/${number}/paiement`, { headers: { Cookie: cookie } })).status).toBe(200);
    const paid = await postForm(app, `/commande/${number}/paiement`, { porte_monnaie: 'tout' }, { Cookie: cookie });
    expect(paid.headers.get('location')).toBe(`/commande/${number}/confirmation`);
    expect(await (await app.request(`/commande/${number}/confirmation`, { headers: { Cookie: cookie } })).text()).toContain(`Commande ${number} confirmée`);
    expect(await database.db.selectFrom('payments').select('state').where('user_id', '=', family.user.id).execute()).toEqual([{ state: 'refused' }]);
    expect(await (await app.request(`/mon-compte/commandes/${number}`, { headers: { Cookie: cookie } })).text()).not.toContain('Reprendre le paiement');
    expect(await balance(database.db, family.user.id)).toBe(5000 - 790);
    // The wallet form of the refusal page sent again once paid: the confirmation, nothing debited.
    const replayed = await postForm(app, `/commande/${number}/paiement`, { porte_monnaie: 'tout' }, { Cookie: cookie });
    expect(replayed.headers.get('location')).toBe(`/commande/${number}/confirmation`);
    expect(await balance(database.db, family.user.id)).toBe(5000 - 790);
    // Another family's « Payer » on this order finds no order.
    const other = await bookingFamily(database.db, 'autre-famille-payer@example.fr');
    expect((await postForm(app, `/commande/${number}/paiement`, { porte_monnaie: 'tout' }, { Cookie: await login(app, other.user.email) })).status).toBe(404);
    // The bank says, late, that the refused card was paid after all: the family paid twice, and
    // the card's money goes to its wallet, once however often it is said.
    const late = await app.request('/sandbox/paybox/payer', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN },
      body: new URLSearchParams([...fields, ['choice', 'accepted']]).toString(),
    });
    const lateSearch = new URL(late.headers.get('location')!).search;
    expect(await (await app.request(`/paiement/notification${lateSearch}`)).text()).toBe('OK');
    expect(await (await app.request(`/paiement/notification${lateSearch}`)).text()).toBe('OK');
    const payment = await database.db.selectFrom('payments').select('id').where('user_id', '=', family.user.id).executeTakeFirstOrThrow();
    expect(await temporal.client.workflow.getHandle(`late-payment-${payment.id}`).result()).toBe('refunded-to-wallet');
    expect(await balance(database.db, family.user.id)).toBe(5000);
    expect(await ledgerMismatches(database.db)).toEqual([]);
  });

  it('sends « Payer » sent again while the card part waits to the same card payment', async () => {
    const { app, family, cookie, number } = await atPaymentStep('payer-deux-fois@example.fr', day);
    const reference = (page: string) => /name="PBX_CMD" value="([^"]+)"/.exec(page)?.[1];
    const first = reference(await (await postForm(app, `/commande/${number}/paiement`, { carte: 'VISA' }, { Cookie: cookie })).text());
    const second = await postForm(app, `/commande/${number}/paiement`, { carte: 'VISA' }, { Cookie: cookie });
    expect(second.status).toBe(200);
    expect(first).toBeDefined();
    expect(reference(await second.text())).toBe(first);
    expect(await database.db.selectFrom('payments').select('reference').where('user_id', '=', family.user.id).execute()).toEqual([{ reference: first }]);
  });

  it('offers PayFiP only where the régie collecting the order takes it; PayFiP out of reach, the order comes back to the payment step', async () => {
    const { app, family, cookie, number } = await atPaymentStep('payfip-choix@example.fr', nextDay);
    const rosieres = database.db.selectFrom('regies').select('id').where('name', '=', 'Régie de recettes de Rosières');
    await database.db.updateTable('regies').set({ payfip_numcli: null }).where('id', 'in', rosieres).execute();
    const without = await (await app.request(`/commande/${number}/paiement`, { headers: { Cookie: cookie } })).text();
    expect(without).not.toContain('value="PAYFIP"');
    const forged = await postForm(app, `/commande/${number}/paiement`, { carte: 'PAYFIP' }, { Cookie: cookie });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("Le paiement par PayFiP n&#39;est pas proposé pour cette commande");
    expect(await database.db.selectFrom('payments').select('id').where('user_id', '=', family.user.id).execute()).toEqual([]);

    await database.db.updateTable('regies').set({ payfip_numcli: '123456' }).where('id', 'in', rosieres).execute();
    expect(await (await app.request(`/commande/${number}/paiement`, { headers: { Cookie: cookie } })).text()).toContain('Payer par PayFiP (carte ou prélèvement)');
    const chosen = await postForm(app, `/commande/${number}/paiement`, { carte: 'PAYFIP' }, { Cookie: cookie });
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get('location')).toBe(`/commande/${number}/payfip`);
    expect(await database.db.selectFrom('payments').select(['provider', 'card_type', 'state']).where('user_id', '=', family.user.id).execute()).toEqual([
      { provider: 'payfip', card_type: 'PAYFIP', state: expect.any(String) },
    ]);
    // This worker has no PayFiP web service: the operation is never created, the family may pay another way.
    const confirmation = async () => (await app.request(`/commande/${number}/confirmation`, { headers: { Cookie: cookie } })).text();
    const html = await until(confirmation, (text) => text.includes('paiement non abouti'));
    expect(html).toContain(`href="/commande/${number}/paiement"`);
    expect(await booksProblems(database.db)).toEqual([]);
  });
});
