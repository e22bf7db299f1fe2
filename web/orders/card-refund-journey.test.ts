// A card refund through the pages: a family pays an order by card in the sandbox, staff cancel a
// reservation to the card, the `card-refund-<id>` workflow asks the sandbox's Paybox Direct, which
// records the refund; the régie's journal holds a `card-refund` entry of that amount and the books
// hold. Refused, the order's page says why, and staff try again or give it to the wallet.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { booksProblems } from '../../db/queries/regies/index.ts';
import { balance } from '../../db/queries/wallet/wallet.ts';
import { addDays } from '../../domain/dates.ts';
import { sandboxRefunds } from '../../lib/payments/card-refunds.ts';
import { sandboxPpps } from '../../lib/payments/sandbox-ppps.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm, TEST_ORIGIN, testSandbox } from '../../test/helpers/app.ts';
import { addHomeAddress, bookingFamily, holdPlaces, serviceDaysFrom } from '../../test/helpers/booking.ts';
import { bookableSeasonDay, testNow, testToday } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { until } from '../../test/helpers/until.ts';
import { launchBrowser } from '../../test/helpers/browser.ts';
import { axeViolations } from '../../test/helpers/axe.ts';
import { orderWorkflowId } from '../../workflows/orders/order.messages.ts';

const database = useTestDatabase();
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
// The worker's Paybox Direct is the sandbox of these pages, reached in process.
const temporal = useTemporal({
  worker: {
    db: () => database.db,
    refunds: () => sandboxRefunds(TEST_ORIGIN, async (url, body) => (await app().request(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN }, body })).text()),
  },
});
const ppps = () => sandboxPpps(testSandbox());

let days: string[] = [];
let staff = '';
beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
  days = await serviceDaysFrom(database.db, 'Matin', addDays(testToday(), 14), 2);
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  staff = await login(app(), 'agent@rosieres.fr');
});

/** An order of two days paid by card in the sandbox, through the pages and the signed return. */
async function paidByCard(email: string) {
  const family = await bookingFamily(database.db, email);
  const addressId = await addHomeAddress(database.db, family.user.id);
  if (!(await holdPlaces(database.db, family, 'Matin', days, testNow())).ok) throw new Error('hold refused');
  const cookie = await login(app(), family.user.email);
  const number = /\/commande\/(\d{4}-\d{6})\//.exec((await postForm(app(), '/commande', {}, { Cookie: cookie })).headers.get('location') ?? '')![1]!;
  await postForm(app(), `/commande/${number}/adresse`, { adresse: String(addressId) }, { Cookie: cookie });
  await postForm(app(), `/commande/${number}/conditions`, { cgv: '1' }, { Cookie: cookie });
  const page = await (await postForm(app(), `/commande/${number}/paiement`, { carte: 'VISA' }, { Cookie: cookie })).text();
  const fields = [...page.matchAll(/<input type="hidden" name="(PBX_[A-Z_]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&')]);
  const paid = await app().request('/sandbox/paybox/payer', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN }, body: new URLSearchParams([...fields, ['choice', 'accepted']]).toString() });
  const back = new URL(paid.headers.get('location')!);
  await app().request(back.pathname + back.search, { headers: { Cookie: cookie } });
  await temporal.client.workflow.getHandle(orderWorkflowId(number)).result();
  const payment = await database.db.selectFrom('payments').select(['id', 'state', 'amount_cents', 'reference', 'paybox_numappel', 'paybox_numtrans']).where('user_id', '=', family.user.id).executeTakeFirstOrThrow();
  expect(payment.state).toBe('paid');
  const reservations = await database.db.selectFrom('reservations').select(['id', 'price_cents']).where('user_id', '=', family.user.id).orderBy('service_date').execute();
  return { userId: family.user.id, number, payment, reservations };
}

async function cancelToCard(number: string, reservationId: number): Promise<number> {
  const form = { reservation: String(reservationId), motif: 'Sortie annulée', rembourser: 'carte' };
  const preview = await postForm(app(), `/agent/commandes/${number}/annuler`, form, { Cookie: staff });
  expect(await preview.text()).toContain('demandé à Paybox une fois confirmé');
  expect((await postForm(app(), `/agent/commandes/${number}/annuler`, { ...form, confirmation: 'oui' }, { Cookie: staff })).status).toBe(303);
  return (await database.db.selectFrom('card_refunds').select('id').where('reservation_id', '=', reservationId).executeTakeFirstOrThrow()).id;
}

const refundState = async (id: number) => (await database.db.selectFrom('card_refunds').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
const orderPage = async (number: string) => (await (await app().request(`/agent/commandes/${number}`, { headers: { Cookie: staff } })).text()).replace(/\u00a0/g, ' ');

describe('a card refund through the pages', () => {
  it('is made by the sandbox, journalled as a card refund of the same amount, and shown with its reference', async () => {
    const order = await paidByCard('rembourse-carte@example.fr');
    // The notification's call and transaction numbers were kept for the refund.
    expect(order.payment.paybox_numappel).toMatch(/^\d+$/);
    expect(order.payment.paybox_numtrans).toMatch(/^\d+$/);
    const [first] = order.reservations as [{ id: number; price_cents: number }];
    const id = await cancelToCard(order.number, first.id);
    await until(() => refundState(id), (state) => state === 'done');
    const made = ppps().refunds.filter((refund) => refund.reference === order.payment.reference);
    expect(made).toEqual([expect.objectContaining({ amountCents: first.price_cents, numAppel: order.payment.paybox_numappel, numTrans: order.payment.paybox_numtrans })]);
    const journal = await database.db.selectFrom('journal_entries').select(['kind', 'method', 'series', 'amount_cents', 'provider_reference']).where('card_refund_id', '=', id).execute();
    expect(journal).toEqual([{ kind: 'card-refund', method: 'card', series: 'refund', amount_cents: first.price_cents, provider_reference: made[0]!.refundNumTrans }]);
    expect(await orderPage(order.number)).toMatch(new RegExp(`Remboursé sur la carte le \\d\\d-\\d\\d-\\d{4} : 7,90 €, référence ${made[0]!.refundNumTrans}`));
    expect(await balance(database.db, order.userId)).toBe(0);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it('refused, says why on the order page; tried again it is made, and it can no longer go to the wallet', async () => {
    const order = await paidByCard('refus-puis-reessai@example.fr');
    ppps().refuseNext(1, '00021');
    const id = await cancelToCard(order.number, order.reservations[0]!.id);
    await until(() => refundState(id), (state) => state === 'refused');
    const page = await orderPage(order.number);
    expect(page).toContain('Remboursement de 7,90 € sur la carte refusé par le prestataire');
    expect(page).toContain('« Remboursement refusé par la banque (bac à sable) » (code 00021)');
    expect(page).toContain('name="suite" value="reessayer"');
    expect(page).toContain('name="suite" value="porte-monnaie"');
    // « Réessayer »: shown first, done once confirmed.
    const form = { remboursement: String(id), suite: 'reessayer' };
    const preview = await postForm(app(), `/agent/commandes/${order.number}/remboursement`, form, { Cookie: staff });
    expect(preview.status).toBe(200);
    expect(await refundState(id)).toBe('refused');
    const retried = await postForm(app(), `/agent/commandes/${order.number}/remboursement`, { ...form, confirmation: 'oui' }, { Cookie: staff });
    expect(retried.headers.get('location')).toBe(`/agent/commandes/${order.number}?ok=relance`);
    await until(() => refundState(id), (state) => state === 'done');
    expect(ppps().refunds.filter((refund) => refund.reference === order.payment.reference)).toHaveLength(1);
    const toWallet = await postForm(app(), `/agent/commandes/${order.number}/remboursement`, { remboursement: String(id), suite: 'porte-monnaie', confirmation: 'oui' }, { Cookie: staff });
    expect(toWallet.status).toBe(400);
    expect(await toWallet.text()).toContain('Ce remboursement n&#39;attend plus de décision');
    expect(await balance(database.db, order.userId)).toBe(0);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it('refused, goes to the wallet once when staff say so, and is never asked of the card again', async () => {
    const order = await paidByCard('refus-porte-monnaie@example.fr');
    ppps().refuseNext(1);
    const id = await cancelToCard(order.number, order.reservations[0]!.id);
    await until(() => refundState(id), (state) => state === 'refused');
    const form = { remboursement: String(id), suite: 'porte-monnaie' };
    expect(await (await postForm(app(), `/agent/commandes/${order.number}/remboursement`, form, { Cookie: staff })).text()).toContain('crédités sur le porte-monnaie de la famille');
    const given = await postForm(app(), `/agent/commandes/${order.number}/remboursement`, { ...form, confirmation: 'oui' }, { Cookie: staff });
    expect(given.headers.get('location')).toBe(`/agent/commandes/${order.number}?ok=porte-monnaie&porte-monnaie=790`);
    expect(await balance(database.db, order.userId)).toBe(790);
    for (const suite of ['porte-monnaie', 'reessayer']) {
      expect((await postForm(app(), `/agent/commandes/${order.number}/remboursement`, { remboursement: String(id), suite, confirmation: 'oui' }, { Cookie: staff })).status).toBe(400);
    }
    expect(await balance(database.db, order.userId)).toBe(790);
    expect(await orderPage(order.number)).toMatch(/Refusé sur la carte, versé au porte-monnaie le \d\d-\d\d-\d{4} : 7,90 €/);
    expect(ppps().refunds.filter((refund) => refund.reference === order.payment.reference)).toEqual([]);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it("refuses another commune's staff and a refund of another order", async () => {
    const order = await paidByCard('autre-commune@example.fr');
    ppps().refuseNext(1);
    const id = await cancelToCard(order.number, order.reservations[0]!.id);
    await until(() => refundState(id), (state) => state === 'refused');
    await createStaff(database.db, 'agent@bains.fr', ['bains']);
    const outsider = await login(app(), 'agent@bains.fr');
    expect((await postForm(app(), `/agent/commandes/${order.number}/remboursement`, { remboursement: String(id), suite: 'porte-monnaie', confirmation: 'oui' }, { Cookie: outsider })).status).toBe(403);
    const other = await paidByCard('autre-commande@example.fr');
    expect((await postForm(app(), `/agent/commandes/${other.number}/remboursement`, { remboursement: String(id), suite: 'porte-monnaie', confirmation: 'oui' }, { Cookie: staff })).status).toBe(400);
    expect(await refundState(id)).toBe('refused');
    expect(await balance(database.db, order.userId)).toBe(0);
  });

  it('of a PayFiP payment, which has no refund of its own, is the régie\'s transfer: its reference asked, journalled at once', async () => {
    const order = await paidByCard('payfip-virement@example.fr');
    // As if PayFiP had taken it: the provider has no refund call.
    await database.db.updateTable('payments').set({ provider: 'payfip' }).where('id', '=', order.payment.id).execute();
    expect(await orderPage(order.number)).toContain('name="reference"');
    const form = { reservation: String(order.reservations[0]!.id), motif: 'Sortie annulée', rembourser: 'carte' };
    const missing = await postForm(app(), `/agent/commandes/${order.number}/annuler`, form, { Cookie: staff });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Ce paiement PayFiP se rembourse par virement de la régie');
    const withReference = { ...form, reference: 'VIR-2026-0042' };
    expect(await (await postForm(app(), `/agent/commandes/${order.number}/annuler`, withReference, { Cookie: staff })).text()).toContain('Remboursement par virement de la régie, référence VIR-2026-0042');
    expect((await postForm(app(), `/agent/commandes/${order.number}/annuler`, { ...withReference, confirmation: 'oui' }, { Cookie: staff })).status).toBe(303);
    const refund = await database.db.selectFrom('card_refunds').select(['id', 'state', 'method', 'provider_reference']).where('reservation_id', '=', order.reservations[0]!.id).executeTakeFirstOrThrow();
    expect(refund).toMatchObject({ state: 'done', method: 'transfer', provider_reference: 'VIR-2026-0042' });
    const journal = await database.db.selectFrom('journal_entries').select(['kind', 'method', 'amount_cents', 'provider_reference']).where('card_refund_id', '=', refund.id).execute();
    expect(journal).toEqual([{ kind: 'transfer-refund', method: 'transfer', amount_cents: 790, provider_reference: 'VIR-2026-0042' }]);
    expect(ppps().refunds.filter((made) => made.reference === order.payment.reference)).toEqual([]);
    expect(await orderPage(order.number)).toMatch(/Remboursé par virement de la régie le \d\d-\d\d-\d{4} : 7,90 €, référence VIR-2026-0042/);
    expect(await booksProblems(database.db)).toEqual([]);
  });

  it('shows a refused refund and its confirmation with nothing axe-core finds (WCAG 2.1 A and AA)', async () => {
    const order = await paidByCard('refus-accessible@example.fr');
    ppps().refuseNext(1);
    const id = await cancelToCard(order.number, order.reservations[0]!.id);
    await until(() => refundState(id), (state) => state === 'refused');
    const pages: [string, string][] = [
      ['order', await (await app().request(`/agent/commandes/${order.number}`, { headers: { Cookie: staff } })).text()],
      ['confirmation', await (await postForm(app(), `/agent/commandes/${order.number}/remboursement`, { remboursement: String(id), suite: 'porte-monnaie' }, { Cookie: staff })).text()],
    ];
    const browser = await launchBrowser();
    const found: string[] = [];
    try {
      for (const [name, html] of pages) {
        const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
        await context.route(`${TEST_ORIGIN}/**`, async (request) => {
          const url = new URL(request.request().url());
          if (url.pathname === '/page-a-verifier') return request.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
          const asset = await app().request(`${url.pathname}${url.search}`, { headers: { Cookie: staff } });
          return request.fulfill({ status: asset.status, headers: Object.fromEntries(asset.headers), body: Buffer.from(await asset.arrayBuffer()) });
        });
        const page = await context.newPage();
        await page.goto(`${TEST_ORIGIN}/page-a-verifier`);
        for (const violation of await axeViolations(page)) found.push(`${name}: ${violation}`);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    expect(found).toEqual([]);
  }, 120_000);
});
