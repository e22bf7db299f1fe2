// The reference's worked example in a real browser, with and without JavaScript: "Matin", one
// child, four Wednesdays → "Quantité : 4" and "Total : 31,60 €"; one date removed → 23,70 €.
// Enter in the list's name (a phone keyboard's « OK ») saves the list and leaves the calendar be.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoAccounts } from '../../db/demo/data.ts';
import { PASSWORD } from '../helpers/accounts.ts';
import { bookingFamily } from '../helpers/booking.ts';
import { signedIn } from '../helpers/browser.ts';
import { useE2E } from '../helpers/e2e.ts';

const e2e = useE2E();
const parent = demoAccounts.find((account) => account.role === 'parent')!;
const text = async (page: Page) => ((await page.textContent('body')) ?? '').replace(/[\u00a0\u202f]/g, ' ');


/** Checks the first `count` open days, moving month by month as a person would. */
async function pickDays(page: Page, count: number): Promise<void> {
  let picked = 0;
  while (picked < count) {
    const open = page.locator('#calendar input[name=date]:not(:checked)');
    const available = await open.count();
    for (let i = 0; i < Math.min(available, count - picked); i += 1) await open.first().check();
    picked = await page.locator('input[name=date]:checked, input[type=hidden][name=date]').count();
    if (picked < count) {
      const title = await page.locator('#calendar-title').textContent();
      await page.getByRole('button', { name: 'Mois suivant →' }).click();
      await expect.poll(() => page.locator('#calendar-title').textContent()).not.toBe(title);
    }
  }
}

describe.each([{ javaScriptEnabled: true }, { javaScriptEnabled: false }])('booking journey (JavaScript: $javaScriptEnabled)', ({ javaScriptEnabled }) => {
  it('books the reference example and removes one date', async () => {
    const { context, page } = await signedIn(e2e.browser, e2e.stack.url, parent.email, parent.password, javaScriptEnabled);

    await page.getByRole('link', { name: 'Centres de Loisirs' }).click();
    await page.getByRole('link', { name: 'Inscription Accueil Périscolaire (mercredis)', exact: true }).click();
    await page.getByLabel('Matin', { exact: true }).check();
    await page.getByLabel(/^Jérémy Pardon \(7,90/).check();
    if (javaScriptEnabled) await page.waitForLoadState('networkidle');
    await pickDays(page, 4);
    await page.getByRole('button', { name: 'Ajouter au panier' }).click();

    await expect.poll(() => text(page)).toContain('Produit ajouté au panier avec succès');
    const body = await text(page);
    expect(body).toContain('Quantité : 4');
    expect(body).toContain('Total : 31,60 €');
    expect(body).toContain('Il y a 4 produits dans votre panier.');
    expect(await page.locator('#cart-link').textContent()).toBe('Panier : 4 produits – 31,60 €'.replace(' €', '\u00a0€'));

    expect(await page.getByRole('button', { name: 'Commander »' }).count()).toBe(1);
    await page.locator('#cart-link').click();
    await page.waitForURL('**/panier');
    await page.getByRole('button', { name: /^Retirer le / }).first().click();
    await expect.poll(() => text(page)).toContain('La date a été retirée du panier et la place libérée.');
    expect(await text(page)).toContain('23,70 €');
    expect(await page.locator('#cart-link').textContent()).toBe('Panier : 3 produits – 23,70\u00a0€');

    // Leave the next run an empty cart.
    await page.getByRole('button', { name: /^Retirer la ligne/ }).click();
    await expect.poll(() => text(page)).toContain('Votre panier est vide.');
    await context.close();
  }, 90_000);

  it('keeps the days already checked when moving to the next month and back', async () => {
    const { context, page } = await signedIn(e2e.browser, e2e.stack.url, parent.email, parent.password, javaScriptEnabled);
    await page.goto(`${e2e.stack.url}/communes/rosieres`);
    await page.getByRole('link', { name: 'Inscription Accueil Périscolaire (mercredis)', exact: true }).click();
    const first = page.locator('#calendar input[name=date]').first();
    const day = await first.getAttribute('value');
    await first.check();
    const title = await page.locator('#calendar-title').textContent();
    await page.getByRole('button', { name: 'Mois suivant →' }).click();
    await expect.poll(() => page.locator('#calendar-title').textContent()).not.toBe(title);
    expect(await page.locator(`input[type=hidden][name=date][value="${day}"]`).count()).toBe(1);
    expect(await text(page)).toContain('Aussi choisi');
    await page.getByRole('button', { name: '← Mois précédent' }).click();
    await expect.poll(() => page.locator('#calendar-title').textContent()).toBe(title);
    expect(await page.locator(`#date-${day}`).isChecked()).toBe(true);
    await context.close();
  }, 60_000);

  it('saves the days as a list when Enter is pressed in its name', async () => {
    const email = `liste-entree-${javaScriptEnabled ? 'js' : 'nojs'}@example.fr`;
    const family = await bookingFamily(e2e.stack.database.db, email, [{ first: 'Zoé', birth: '2016-02-02' }]);
    const { context, page } = await signedIn(e2e.browser, e2e.stack.url, email, PASSWORD, javaScriptEnabled);
    await page.goto(`${e2e.stack.url}/communes/rosieres`);
    await page.getByRole('link', { name: 'Inscription Accueil Périscolaire (mercredis)', exact: true }).click();
    await page.getByLabel('Matin', { exact: true }).check();
    await page.getByLabel(/^Zoé Pardon/).check();
    if (javaScriptEnabled) await page.waitForLoadState('networkidle');
    await page.locator('#calendar input[name=date]').first().check();
    await page.getByLabel(/^Nom de la liste/).fill('Les mercredis de Zoé');
    await page.getByLabel(/^Nom de la liste/).press('Enter');
    await page.waitForURL(/\/mon-compte\/listes/);
    expect(await text(page)).toContain('La liste est enregistrée.');
    expect(await e2e.stack.database.db.selectFrom('booking_lists').select('name').where('user_id', '=', family.user.id).execute()).toEqual([{ name: 'Les mercredis de Zoé' }]);
    await context.close();
  }, 60_000);
});
