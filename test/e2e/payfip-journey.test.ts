// A cart of two communes' products (Rosières' accueil périscolaire, Aiguilhe's garderie: two
// régies) paid by PayFiP in its sandbox, in a real browser with and without JavaScript, through
// the real server and worker: the order is confirmed, each régie's journal holds its part as
// PayFiP's card or debit, and the books hold.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.ts';
import { placeHolds, productForBooking } from '../../db/queries/booking/booking.ts';
import { booksProblems } from '../../db/queries/regies/index.ts';
import { addDays } from '../../domain/dates.ts';
import { PASSWORD } from '../helpers/accounts.ts';
import { addHomeAddress, bookingFamily } from '../helpers/booking.ts';
import { signedIn } from '../helpers/browser.ts';
import { testNow, testToday } from '../helpers/clock.ts';
import { useE2E } from '../helpers/e2e.ts';

const e2e = useE2E();
const text = async (page: Page) => ((await page.textContent('body')) ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** Two days of a product's prestation in the family's cart, the family subscribed to its commune's offer. */
async function holdTwoDays(db: Db, family: Awaited<ReturnType<typeof bookingFamily>>, productName: string, prestation: string, offer: string) {
  const { id, commune_id } = await db.selectFrom('products').select(['id', 'commune_id']).where('name', '=', productName).executeTakeFirstOrThrow();
  const offerId = await db.selectFrom('service_offers').select('id').where('commune_id', '=', commune_id).where('label', '=', offer).executeTakeFirstOrThrow();
  await db.insertInto('subscriptions').values({ user_id: family.user.id, service_offer_id: offerId.id, status: 'validated' }).onConflict((oc) => oc.doNothing()).execute();
  const product = (await productForBooking(db, id))!;
  const prestationId = product.prestations.find((p) => p.label === prestation)!.id;
  const days = await db
    .selectFrom('slots')
    .select('service_date')
    .where('product_id', '=', id)
    .where('prestation_id', '=', prestationId)
    .where('service_date', '>=', addDays(testToday(), 21))
    .orderBy('service_date')
    .limit(2)
    .execute();
  const held = await placeHolds(db, {
    userId: family.user.id, product, prestationId, children: family.dependants.map((d) => ({ id: d.id })), dates: days.map((d) => d.service_date),
    family: { quotientFamilial: null, communeId: family.user.commune_id }, now: testNow(), expiresAt: new Date(testNow().getTime() + 30 * 60_000),
  });
  if (!held.ok) throw new Error(`${productName}: places refused`);
}

describe.each([
  { javaScriptEnabled: true, choice: 'Carte bancaire acceptée', method: 'payfip-card' },
  { javaScriptEnabled: false, choice: 'Prélèvement SEPA accepté', method: 'payfip-sepa' },
])('a cart of two régies paid by PayFiP (JavaScript: $javaScriptEnabled)', ({ javaScriptEnabled, choice, method }) => {
  it(`pays by « ${choice} », and each régie's journal shows its part`, async () => {
    const db = e2e.stack.database.db;
    const email = `payfip-${javaScriptEnabled}@example.fr`;
    const family = await bookingFamily(db, email, [{ first: 'Jérémy', birth: '2017-04-12' }]);
    await addHomeAddress(db, family.user.id);
    await holdTwoDays(db, family, 'Inscription Accueil Périscolaire (mercredis)', 'Matin', 'INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT');
    await holdTwoDays(db, family, 'Garderie périscolaire d’Aiguilhe', 'Matin (7 h 30 - 8 h 20)', '1ER ENFANT À LA GARDERIE');

    const { context, page } = await signedIn(e2e.browser, e2e.stack.url, email, PASSWORD, javaScriptEnabled);
    await page.goto(`${e2e.stack.url}/panier`);
    await page.getByRole('button', { name: 'Commander >' }).click();
    await expect.poll(() => text(page)).toContain('Récapitulatif de la commande (4 produits)');
    await page.getByRole('link', { name: 'Commander >' }).click();
    await page.getByLabel(/Domicile/).check();
    await page.getByRole('button', { name: 'Commander >' }).click();
    await page.getByLabel(/J'ai lu les conditions générales de vente/).check();
    await page.getByRole('button', { name: 'Commander >' }).click();

    // Rosières' régie collects the payment, and takes PayFiP: the family may choose it beside the cards.
    await page.getByRole('button', { name: 'Payer par PayFiP (carte ou prélèvement)' }).click();
    // The waiting page's poll and its refresh (for browsers without JavaScript) may both move it on: one aborts the other.
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/\/sandbox\/payfip\/tpa\/paiementws\.web\?idop=/);
    await page.waitForLoadState();
    expect(await text(page)).toContain('Montant : 18,80 €');
    await page.getByRole('button', { name: choice }).click();

    await expect.poll(() => text(page), { timeout: 30_000 }).toMatch(/Commande \d{4}-\d{6} confirmée/);
    const number = /Commande (\d{4}-\d{6}) confirmée/.exec(await text(page))![1]!;
    const payment = await db.selectFrom('payments').select(['id', 'state', 'provider', 'amount_cents', 'payfip_idop', 'payfip_result']).where('reference', 'like', `order-${number}-%`).executeTakeFirstOrThrow();
    expect(payment).toMatchObject({ state: 'paid', provider: 'payfip', amount_cents: 1880, payfip_result: method === 'payfip-card' ? 'P' : 'V' });
    expect(payment.payfip_idop).toBeTruthy();

    const journal = await db
      .selectFrom('journal_entries')
      .innerJoin('regies', 'regies.id', 'journal_entries.regie_id')
      .select(['regies.name', 'journal_entries.kind', 'journal_entries.method', 'journal_entries.amount_cents', 'journal_entries.series'])
      .where('journal_entries.payment_id', '=', payment.id)
      .orderBy('regies.name')
      .execute();
    expect(journal).toEqual([
      { name: 'Régie de recettes de Aiguilhe', kind: 'card-payment', method, amount_cents: 300, series: 'receipt' },
      { name: 'Régie de recettes de Rosières', kind: 'card-payment', method, amount_cents: 1580, series: 'receipt' },
    ]);
    expect(await booksProblems(db)).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('a top-up by PayFiP', () => {
  it('credits the wallet once PayFiP says paid, journalled by the family’s régie as PayFiP’s card', async () => {
    const db = e2e.stack.database.db;
    const email = 'payfip-recharge@example.fr';
    const family = await bookingFamily(db, email);
    const { context, page } = await signedIn(e2e.browser, e2e.stack.url, email, PASSWORD, true);
    await page.goto(`${e2e.stack.url}/mon-compte/porte-monnaie`);
    await page.getByLabel('10,00 €').check();
    await page.getByLabel('Payer par PayFiP (carte ou prélèvement)').check();
    await page.getByRole('button', { name: 'Recréditer mon porte-monnaie' }).click();
    // The waiting page's poll and its refresh (for browsers without JavaScript) may both move it on: one aborts the other.
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/\/sandbox\/payfip\/tpa\/paiementws\.web\?idop=/);
    await page.waitForLoadState();
    expect(await text(page)).toContain('Montant : 10,00 €');
    await page.getByRole('button', { name: 'Carte bancaire acceptée' }).click();
    await expect.poll(() => text(page), { timeout: 30_000 }).toContain('Nouveau solde : 10,00 €');
    const journal = await db
      .selectFrom('journal_entries')
      .innerJoin('regies', 'regies.id', 'journal_entries.regie_id')
      .select(['regies.name', 'journal_entries.kind', 'journal_entries.method', 'journal_entries.amount_cents'])
      .where('journal_entries.user_id', '=', family.user.id)
      .execute();
    expect(journal).toEqual([{ name: 'Régie de recettes de Rosières', kind: 'top-up', method: 'payfip-card', amount_cents: 1000 }]);
    expect(await booksProblems(db)).toEqual([]);
    await context.close();
  }, 120_000);
});
