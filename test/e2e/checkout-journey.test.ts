// The reference's order in a real browser: four Wednesdays of "Matin" for one child (31,60 €),
// with 20,00 € in the wallet: 20,00 € by wallet and 11,60 € by card in the Paybox sandbox. The
// confirmation page, the mail, the reservations and the wallet history all agree.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { moveMoney, balance, walletHistory } from '../../db/queries/wallet/wallet.ts';
import { PASSWORD } from '../helpers/accounts.ts';
import { addHomeAddress, bookingFamily } from '../helpers/booking.ts';
import { handOverToProvider, signedIn } from '../helpers/browser.ts';
import { useE2E } from '../helpers/e2e.ts';
import { pickDays } from '../helpers/calendar.ts';

const e2e = useE2E();
const text = async (page: Page) => ((await page.textContent('body')) ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe.each([{ javaScriptEnabled: true }, { javaScriptEnabled: false }])('checkout (JavaScript: $javaScriptEnabled)', ({ javaScriptEnabled }) => {
  it('pays 20,00 € by wallet and 11,60 € by card, and everything agrees', async () => {
    const db = e2e.stack.database.db;
    const email = `commande-${javaScriptEnabled}@example.fr`;
    const family = await bookingFamily(db, email, [{ first: 'Jérémy', birth: '2017-04-12' }]);
    await moveMoney(db, { userId: family.user.id, amountCents: 2000, kind: 'topup', label: 'Recharge par carte de 20,00 €', idempotencyKey: `seed-${email}` });
    await addHomeAddress(db, family.user.id);

    const { context, page } = await signedIn(e2e.browser, e2e.stack.url, email, PASSWORD, javaScriptEnabled);
    await page.goto(`${e2e.stack.url}/communes/rosieres`);
    await page.getByRole('link', { name: 'Inscription Accueil Périscolaire (mercredis)', exact: true }).click();
    await page.getByLabel('Matin', { exact: true }).check();
    await page.getByLabel(/^Jérémy Pardon/).check();
    if (javaScriptEnabled) await page.waitForLoadState('networkidle');
    await pickDays(page, 4);
    await page.getByRole('button', { name: 'Ajouter au panier' }).click();
    await expect.poll(() => text(page)).toContain('Total : 31,60 €');
    await page.getByRole('button', { name: 'Commander »' }).click();

    await expect.poll(() => text(page)).toContain('Récapitulatif de la commande (4 produits)');
    expect(await text(page)).toContain('Bénéficiaire : Jérémy Pardon Dates :');
    await page.getByLabel('Bons de réduction').fill('PERIME');
    await page.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => text(page)).toContain('Ce code ne correspond à aucun bon de réduction.');
    expect(await page.getByLabel('Bons de réduction').inputValue()).toBe('PERIME');
    await page.getByRole('link', { name: 'Commander >' }).click();
    await page.getByLabel(/Domicile/).check();
    await page.getByRole('button', { name: 'Commander >' }).click();

    await page.getByRole('button', { name: 'Commander >' }).click();
    await expect.poll(() => text(page)).toContain('Cochez la case pour accepter les conditions générales de vente');
    await page.getByLabel(/J'ai lu les conditions générales de vente/).check();
    await page.getByRole('button', { name: 'Commander >' }).click();

    await expect.poll(() => text(page)).toContain('Choisissez votre moyen de paiement (4 produits)');
    expect(await text(page)).toContain('son solde (20,00 €) sera utilisé, et le reste (11,60 €) payé par carte');
    await page.getByRole('button', { name: /Payer par Carte Visa/ }).click();
    await handOverToProvider(page, javaScriptEnabled);
    await expect.poll(() => text(page)).toContain('Montant : 11,60 €');
    await page.getByRole('button', { name: /Carte acceptée/ }).click();

    await expect.poll(() => text(page), { timeout: 20_000 }).toMatch(/Commande \d{4}-\d{6} confirmée/);
    const number = /Commande (\d{4}-\d{6}) confirmée/.exec(await text(page))![1]!;
    expect(await text(page)).toContain('31,60 €');

    const mail = await e2e.stack.smtp.waitFor(email, (m) => m.subject === `Commande ${number} confirmée`);
    expect(mail.text?.replace(/[\u00a0\u202f]/g, ' ')).toContain('31,60 €');
    const reservations = await db.selectFrom('reservations').select(['service_date', 'price_cents']).where('user_id', '=', family.user.id).where('state', '=', 'confirmed').execute();
    expect(reservations).toHaveLength(4);
    expect(reservations.reduce((sum, r) => sum + r.price_cents, 0)).toBe(3160);
    expect(await balance(db, family.user.id)).toBe(0);
    expect((await walletHistory(db, family.user.id)).map((e) => [e.label, e.amount_cents])).toEqual([
      [`Commande ${number}`, -2000],
      ['Recharge par carte de 20,00 €', 2000],
    ]);
    const payment = await db.selectFrom('payments').select(['state', 'amount_cents']).where('reference', 'like', `order-${number}-%`).executeTakeFirstOrThrow();
    expect(payment).toEqual({ state: 'paid', amount_cents: 1160 });
    await context.close();
  }, 120_000);
});
