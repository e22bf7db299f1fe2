// "Recharger vos crédits" in a real browser, through the Paybox sandbox: an accepted card
// credits the wallet once, whatever the provider repeats; a refused one credits nothing. With and
// without JavaScript.
import { describe, expect, it } from 'vitest';
import { handOverToProvider, signedIn } from '../helpers/browser.ts';
import { createParent, PASSWORD } from '../helpers/accounts.ts';
import { useE2E } from '../helpers/e2e.ts';

const e2e = useE2E();

describe.each([{ javaScriptEnabled: true }, { javaScriptEnabled: false }])('wallet top-up (JavaScript: $javaScriptEnabled)', ({ javaScriptEnabled }) => {
  it('credits 10,00 € for an accepted card and nothing for a refused one', async () => {
    const email = `recharge-${javaScriptEnabled}@example.fr`;
    await createParent(e2e.stack.database.db, email, { status: 'validated' });
    const { context, page } = await signedIn(e2e.browser, e2e.stack.url, email, PASSWORD, javaScriptEnabled);
    const body = async () => ((await page.textContent('body')) ?? '').replace(/[\u00a0\u202f]/g, ' ');

    await page.getByRole('link', { name: 'Recharger vos crédits' }).click();
    await expect.poll(body).toContain('Solde : 0,00 €');
    await page.getByLabel('10,00 €', { exact: true }).check();
    await page.getByLabel('Payer par Carte Visa').check();
    await page.getByRole('button', { name: 'Recréditer mon porte-monnaie' }).click();
    await handOverToProvider(page, javaScriptEnabled);
    await expect.poll(body).toContain('Bac à sable de paiement');
    expect(await body()).toContain('Montant : 10,00 €');
    await page.getByRole('button', { name: /Carte acceptée/ }).click();
    await expect.poll(body, { timeout: 15_000 }).toContain('Porte-monnaie rechargé');
    // The provider notifies again after it was settled: nothing moves, the page still says so.
    const returned = new URL(page.url());
    expect(returned.searchParams.get('sign')).toBeTruthy();
    expect((await fetch(`${e2e.stack.url}/paiement/notification${returned.search}`)).status).toBe(200);
    // Opened again: on a busy machine the browser may still be finishing the provider's return
    // (its navigation aborts ours), so the page is asked until it answers.
    const reopened = async () => {
      const opened = await page.goto(`${e2e.stack.url}${returned.pathname}`).catch(() => null);
      return opened ? body() : '';
    };
    await expect.poll(reopened, { timeout: 15_000 }).toContain('Porte-monnaie rechargé');

    await page.getByRole('link', { name: 'Mon porte-monnaie' }).last().click();
    await expect.poll(body).toContain('Solde : 10,00 €');
    expect(await body()).toContain('Recharge par carte de 10,00 €');

    await page.getByLabel('5,00 €', { exact: true }).check();
    await page.getByRole('button', { name: 'Recréditer mon porte-monnaie' }).click();
    await handOverToProvider(page, javaScriptEnabled);
    await page.getByRole('button', { name: /Carte refusée/ }).click();
    await expect.poll(body, { timeout: 15_000 }).toContain('Paiement refusé');
    await page.goto(`${e2e.stack.url}/mon-compte/porte-monnaie`);
    expect(await body()).toContain('Solde : 10,00 €');
    await context.close();
  }, 90_000);
});

describe('payment notifications', () => {
  it('are refused when their signature does not verify', async () => {
    const response = await fetch(`${e2e.stack.url}/paiement/notification?montant=1000&ref=topup-1&auto=X&trans=1&erreur=00000&sign=AAAA`);
    expect(response.status).toBe(400);
  });
});
